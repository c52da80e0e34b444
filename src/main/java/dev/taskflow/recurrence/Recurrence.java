package dev.taskflow.recurrence;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.taskflow.platform.FieldErrors;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * How a task repeats: a preset word ({@code daily}, {@code weekdays}, {@code weekly},
 * {@code monthly}, {@code yearly}) or an RFC 5545 RRULE such as {@code FREQ=WEEKLY;BYDAY=MO,WE},
 * counted from the previous due date or from the completion date. {@code text} keeps the form the
 * user gave, so the API echoes it.
 */
public record Recurrence(String text, From from) {

	/** What the next due date is counted from. */
	public enum From {

		DUE, COMPLETION;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<From> parse(String value) {
			for (From from : values()) {
				if (from.value().equals(value)) {
					return Optional.of(from);
				}
			}
			return Optional.empty();
		}
	}

	static final Map<String, String> PRESETS = Map.of("daily", "FREQ=DAILY", "weekdays",
			"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekly", "FREQ=WEEKLY", "monthly", "FREQ=MONTHLY", "yearly",
			"FREQ=YEARLY");

	public static final int MAX_LENGTH = 500;

	public Recurrence {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A recurrence needs a rule");
		}
		from = from == null ? From.DUE : from;
	}

	/**
	 * Reads a recurrence as the API receives it. Null or {@code none} means "does not repeat".
	 * Problems are reported under {@code field} and {@code fromField}.
	 */
	public static Optional<Recurrence> parse(String text, String from, String field, String fromField,
			FieldErrors errors) {
		From mode = From.DUE;
		if (from != null) {
			Optional<From> parsed = From.parse(from.strip().toLowerCase(Locale.ROOT));
			if (parsed.isEmpty()) {
				errors.add(fromField, "must be due or completion");
			}
			mode = parsed.orElse(From.DUE);
		}
		if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
			return Optional.empty();
		}
		String value = text.strip();
		String preset = value.toLowerCase(Locale.ROOT);
		if (PRESETS.containsKey(preset)) {
			return Optional.of(new Recurrence(preset, mode));
		}
		String rule = value.toUpperCase(Locale.ROOT).startsWith("RRULE:") ? value.substring(6) : value;
		if (rule.length() > MAX_LENGTH) {
			errors.add(field, "must be at most " + MAX_LENGTH + " characters long");
			return Optional.empty();
		}
		try {
			new RecurrenceRule(rule);
			return Optional.of(new Recurrence(rule.toUpperCase(Locale.ROOT), mode));
		}
		catch (InvalidRecurrenceRuleException | IllegalArgumentException ex) {
			errors.add(field, "'" + value + "' is neither a preset (daily, weekdays, weekly, monthly, yearly, none) "
					+ "nor a valid RRULE such as FREQ=WEEKLY;BYDAY=MO,WE");
			return Optional.empty();
		}
	}

	/** The RRULE this recurrence stands for. */
	public String rrule() {
		return PRESETS.getOrDefault(text, text);
	}
}
