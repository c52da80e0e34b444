package dev.taskflow.tasks.internal;

import dev.taskflow.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a deleted account's saved views; its tasks (trash included, with their tags and reminders)
 * follow the account's row by foreign-key cascade. Runs in the transaction that deletes the account, so
 * both happen or neither does.
 */
@Component
class DeletedAccountTasks {

	private final JdbcClient jdbc;

	DeletedAccountTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDeleted event) {
		jdbc.sql("delete from saved_views where user_id = :user").param("user", event.userId()).update();
	}
}
