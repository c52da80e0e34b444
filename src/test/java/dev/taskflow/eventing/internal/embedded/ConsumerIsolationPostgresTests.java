package dev.taskflow.eventing.internal.embedded;

import dev.taskflow.support.PostgresTest;

/** On PostgreSQL, with its default of a dispatcher per consumer. */
@PostgresTest
class ConsumerIsolationPostgresTests extends ConsumerIsolationContract {
}
