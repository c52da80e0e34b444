package dev.taskflow.platform.internal;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in a few lines why TaskFlow could not open its database, in place of the 200–400-line stack trace
 * that ended in the reason (a second TaskFlow on the same data directory, a wrong password, a server not
 * running, a data directory that cannot be written). Drivers' messages carry no password; they name the
 * file, host or user, which is what the operator needs.
 */
class DatabaseStartFailure extends AbstractFailureAnalyzer<SQLException> {

	/** H2's "database may be already in use": the file is locked by another process. */
	private static final int H2_FILE_IN_USE = 90020;

	/**
	 * H2's errors creating or writing its file (90028 and 90031 I/O, 90062 file creation, 90097 read-only):
	 * a data directory that is a file, not writable, or full.
	 */
	private static final Set<Integer> H2_FILE_TROUBLE = Set.of(90028, 90031, 90062, 90097);

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String said = firstLine(cause.getMessage());
		String state = cause.getSQLState() == null ? "" : cause.getSQLState();
		if (cause.getErrorCode() == H2_FILE_IN_USE) {
			return new FailureAnalysis("The embedded database is in use by another process: " + said,
					"Stop the other TaskFlow using this data directory, or give this one a directory of its own "
							+ "(TASKFLOW_DATA_DIR).",
					cause);
		}
		if (state.startsWith("28")) {
			return new FailureAnalysis("PostgreSQL refused the user name or password: " + said,
					"Check DATABASE_USERNAME and DATABASE_PASSWORD (or the user and password in DATABASE_URL).", cause);
		}
		if (state.equals("3D000")) {
			return new FailureAnalysis("The database named in DATABASE_URL does not exist: " + said,
					"Create it (createdb -O <user> <name>) or correct DATABASE_URL.", cause);
		}
		if (state.startsWith("08")) {
			return new FailureAnalysis("TaskFlow could not connect to its database: " + said,
					"Check that the database server runs and that DATABASE_URL names its host and port.", cause);
		}
		if (H2_FILE_TROUBLE.contains(cause.getErrorCode())) {
			return new FailureAnalysis("The embedded database could not be opened: " + said,
					"Check that TASKFLOW_DATA_DIR names a directory TaskFlow can create and write to.", cause);
		}
		return null;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "(no message)";
		}
		int end = message.indexOf('\n');
		return (end < 0 ? message : message.substring(0, end)).strip();
	}
}
