package dev.taskflow.tasks.web;

import dev.taskflow.support.PostgresTest;

/** SavedViewRaceContract on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class SavedViewRacePostgresTests extends SavedViewRaceContract {
}
