package dev.taskflow.platform;

/**
 * A library's INFO message that is routine where TaskFlow uses the library, so it is shown only when
 * its logger is at DEBUG. A module declares one as a bean for what it knows to be routine (for example
 * a failure the module already reports in its own words).
 */
@FunctionalInterface
public interface RoutineLogMessage {

	/**
	 * @param logger the logger's name
	 * @param format the message before its {@code {}} placeholders are filled in
	 * @param params what fills them
	 */
	boolean matches(String logger, String format, Object[] params);

	/** Every message of {@code logger} whose format starts with {@code formatStart}. */
	static RoutineLogMessage startingWith(String logger, String formatStart) {
		return (name, format, params) -> format.startsWith(formatStart) && name.equals(logger);
	}
}
