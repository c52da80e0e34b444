package dev.taskflow.assistant;

import dev.taskflow.support.PostgresTest;

/** ConversationListContract on a real PostgreSQL server (CI, {@code -Ppostgres}). */
@PostgresTest
class ConversationListPostgresTests extends ConversationListContract {
}
