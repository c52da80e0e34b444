package dev.taskflow.assistant.internal;

import dev.taskflow.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a deleted account's assistant conversations wherever they are kept: in the database (embedded
 * mode), in the transaction that deletes the account, so both happen or neither does; in the Dapr state
 * store, during that transaction, so a store that cannot be reached stops the deletion rather than
 * leaving the conversations behind (a deletion that fails later leaves the account without its chats).
 */
@Component
class DeletedAccountConversations {

	private final ConversationStore conversations;

	DeletedAccountConversations(ConversationStore conversations) {
		this.conversations = conversations;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDeleted event) {
		conversations.deleteAll(event.userId());
	}
}
