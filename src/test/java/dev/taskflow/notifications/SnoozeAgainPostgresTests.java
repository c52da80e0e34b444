package dev.taskflow.notifications;

import dev.taskflow.support.PostgresTest;

/** SnoozeAgainContract on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class SnoozeAgainPostgresTests extends SnoozeAgainContract {
}
