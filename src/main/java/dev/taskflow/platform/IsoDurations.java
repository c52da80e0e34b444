package dev.taskflow.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations as people write them. {@link Duration#parse} reads days, hours, minutes and
 * seconds ({@code P1D}, {@code PT15M}, {@code P1DT2H}) but not weeks, which ISO 8601 writes on their
 * own ({@code P1W}); months and years have no fixed length and stay unsupported.
 */
public final class IsoDurations {

	/** How to write one, for messages. */
	public static final String EXAMPLES = "PT15M, P1D or P1W";

	private static final Pattern WEEKS = Pattern.compile("([-+]?)P(\\d{1,6})W");

	private IsoDurations() {
	}

	/**
	 * Reads {@code PT15M}, {@code P1D}, {@code P2W} and the rest of what {@link Duration#parse} reads,
	 * in either case.
	 * @throws DateTimeParseException if it is none of these
	 */
	public static Duration parse(String text) {
		String upper = text.strip().toUpperCase(Locale.ROOT);
		Matcher weeks = WEEKS.matcher(upper);
		if (weeks.matches()) {
			Duration duration = Duration.ofDays(7L * Long.parseLong(weeks.group(2)));
			return "-".equals(weeks.group(1)) ? duration.negated() : duration;
		}
		return Duration.parse(upper);
	}
}
