package dev.taskflow.tasks;

import dev.taskflow.support.TaskFlowTest;

/** TaskTransferApiContract on the embedded H2 database. */
@TaskFlowTest
class TaskTransferApiTests extends TaskTransferApiContract {
}
