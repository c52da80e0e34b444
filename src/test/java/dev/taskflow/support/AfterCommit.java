package dev.taskflow.support;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a test consumer's in-memory effect once its delivery's transaction commits, the way a real
 * consumer's database effect becomes real. A delivery that rolls back (it failed, or the group of
 * deliveries it was part of did) then leaves no trace, and tests count each event once.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable effect) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			effect.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				effect.run();
			}
		});
	}
}
