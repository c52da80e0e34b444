package dev.taskflow.notifications.internal;

import dev.taskflow.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a deleted account's notification inbox. Runs in the transaction that deletes the account, so
 * both happen or neither does.
 */
@Component
class DeletedAccountNotifications {

	private final JdbcClient jdbc;

	DeletedAccountNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDeleted event) {
		jdbc.sql("delete from notifications where user_id = :user").param("user", event.userId()).update();
	}
}
