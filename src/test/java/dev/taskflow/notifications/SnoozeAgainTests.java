package dev.taskflow.notifications;

import dev.taskflow.support.TaskFlowTest;

/** SnoozeAgainContract on the embedded H2 database. */
@TaskFlowTest
class SnoozeAgainTests extends SnoozeAgainContract {
}
