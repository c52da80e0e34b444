package dev.taskflow.assistant;

import dev.taskflow.support.TaskFlowTest;

/** ConversationListContract on the embedded H2 database. */
@TaskFlowTest
class ConversationListTests extends ConversationListContract {
}
