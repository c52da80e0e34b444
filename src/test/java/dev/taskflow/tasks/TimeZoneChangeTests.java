package dev.taskflow.tasks;

import dev.taskflow.support.TaskFlowTest;

/** TimeZoneChangeContract on the embedded H2 database. */
@TaskFlowTest
class TimeZoneChangeTests extends TimeZoneChangeContract {
}
