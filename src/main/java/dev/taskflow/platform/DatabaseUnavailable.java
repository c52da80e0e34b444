package dev.taskflow.platform;

import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What counts as "the database is out of reach": it could not be connected to, or the pool lent no
 * connection within its wait. Not a mistake of the caller's, and worth retrying: the web layer answers
 * such a failure with a 503 and {@code Retry-After} rather than a 500, a background round says so in one
 * line rather than a stack trace.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure}, or anything that caused it, says the database was out of reach. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}
}
