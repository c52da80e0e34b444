package dev.taskflow.eventing;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exact-time callbacks through the Dapr Jobs API; a bean exists in the {@code dapr} transport only.
 * Once a job's due time has come, the sidecar calls {@code POST /job/{name}} on the app id that
 * scheduled it: never early, at least once, but with no ceiling on lateness, so callers keep a sweep
 * as a safety net. Scheduling a name again replaces the job of that name.
 */
public interface ScheduledJobs {

	/** Letters, digits, dots, dashes and underscores: a job name is a path segment. */
	Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

	/**
	 * @param data what the job carries (JSON); the callback may not get it back verbatim, so
	 * callers should be able to act on the name alone
	 * @throws Unavailable if the Jobs API did not accept the job
	 */
	void schedule(String name, Instant dueTime, Map<String, ?> data);

	/** Deletes a job; a job that does not exist (any more) is fine. @throws Unavailable on failure */
	void cancel(String name);

	static void checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a job name: " + name);
		}
	}

	/** The Jobs API is missing (no Scheduler service), refused the call or could not be reached. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
