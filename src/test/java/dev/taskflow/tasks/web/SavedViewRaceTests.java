package dev.taskflow.tasks.web;

import dev.taskflow.support.TaskFlowTest;

/** SavedViewRaceContract on the embedded H2 database. */
@TaskFlowTest
class SavedViewRaceTests extends SavedViewRaceContract {
}
