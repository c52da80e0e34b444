package dev.taskflow.eventing;

import dev.taskflow.support.TaskFlowTest;

/** On the embedded H2 database (always runs). */
@TaskFlowTest
class TaskEventFlowTests extends TaskEventFlowContract {
}
