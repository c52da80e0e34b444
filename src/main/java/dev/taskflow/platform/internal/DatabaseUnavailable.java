package dev.taskflow.platform.internal;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that failed because the database could not be reached, or lent no connection within the
 * pool's wait: not the client's mistake, and worth retrying, so a 503 with {@code Retry-After} (a load
 * balancer may also try another instance) rather than a 500.
 */
final class DatabaseUnavailable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	static final String DETAIL = "TaskFlow cannot reach its database right now. Try again in a moment.";

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure}, or anything that caused it, says the database was out of reach. */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	/** One line, no stack trace: it would say nothing an operator can act on, once per request. */
	static void logAnswered(HttpServletRequest request, Throwable failure) {
		log.warn("{} {} answered 503, the database is out of reach: {}", request.getMethod(), request.getRequestURI(),
				NestedExceptionUtils.getMostSpecificCause(failure).toString());
	}
}
