package dev.taskflow.assistant.internal;

import dev.taskflow.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a deleted account's assistant conversations kept in the database (embedded mode; with Dapr
 * they live in the state store, which this does not reach). Runs in the transaction that deletes the
 * account, so both happen or neither does.
 */
@Component
class DeletedAccountConversations {

	private final JdbcClient jdbc;

	DeletedAccountConversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDeleted event) {
		jdbc.sql("delete from assistant_conversations where owner_id = :user").param("user", event.userId()).update();
	}
}
