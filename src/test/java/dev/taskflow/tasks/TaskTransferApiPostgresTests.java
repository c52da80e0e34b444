package dev.taskflow.tasks;

import dev.taskflow.support.PostgresTest;

/** TaskTransferApiContract on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class TaskTransferApiPostgresTests extends TaskTransferApiContract {
}
