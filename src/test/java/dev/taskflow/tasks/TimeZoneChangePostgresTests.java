package dev.taskflow.tasks;

import dev.taskflow.support.PostgresTest;

/** TimeZoneChangeContract on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class TimeZoneChangePostgresTests extends TimeZoneChangeContract {
}
