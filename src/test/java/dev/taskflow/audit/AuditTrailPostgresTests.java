package dev.taskflow.audit;

import dev.taskflow.support.PostgresTest;

/** On a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class AuditTrailPostgresTests extends AuditTrailContract {
}
