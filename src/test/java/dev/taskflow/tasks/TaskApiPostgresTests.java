package dev.taskflow.tasks;

import dev.taskflow.support.PostgresTest;

/** The task API on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class TaskApiPostgresTests extends TaskApiContract {
}
