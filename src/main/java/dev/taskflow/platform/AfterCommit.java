package dev.taskflow.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction commits, or now when there is none: waking a worker
 * for what the transaction queued, pushing what it changed to open browser tabs. Nothing runs if the
 * transaction rolls back.
 *
 * <p>Why not an application event with a {@code @TransactionalEventListener}: Spring Modulith's event
 * publication registry stores a publication row for every transactional listener an event reaches,
 * so each wake-up would cost a database write and a later completion, on the hottest path there is.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}
}
