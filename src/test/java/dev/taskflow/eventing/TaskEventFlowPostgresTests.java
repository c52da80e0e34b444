package dev.taskflow.eventing;

import dev.taskflow.support.PostgresTest;

/** On a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class TaskEventFlowPostgresTests extends TaskEventFlowContract {
}
