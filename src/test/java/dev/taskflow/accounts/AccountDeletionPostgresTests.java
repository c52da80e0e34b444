package dev.taskflow.accounts;

import dev.taskflow.support.PostgresTest;

/** AccountDeletionContract on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class AccountDeletionPostgresTests extends AccountDeletionContract {
}
