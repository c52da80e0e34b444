package dev.taskflow.tasks;

import dev.taskflow.support.TaskFlowTest;

/** The task API on the embedded H2 database (always runs). */
@TaskFlowTest
class TaskApiH2Tests extends TaskApiContract {
}
