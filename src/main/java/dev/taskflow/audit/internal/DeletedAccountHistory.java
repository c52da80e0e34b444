package dev.taskflow.audit.internal;

import dev.taskflow.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a deleted account's audit trail, which otherwise outlives its tasks on purpose. Runs in the
 * transaction that deletes the account, so both happen or neither does.
 */
@Component
class DeletedAccountHistory {

	private final JdbcClient jdbc;

	DeletedAccountHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountDeleted event) {
		jdbc.sql("delete from audit_log where user_id = :user").param("user", event.userId()).update();
	}
}
