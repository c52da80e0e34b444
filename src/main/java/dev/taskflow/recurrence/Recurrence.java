package dev.taskflow.recurrence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.platform.Characters;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.internal.NextOccurrence;
import dev.taskflow.recurrence.internal.Rule;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;

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

	/**
	 * The rules behind the preset words. They take their day from the due date (or the completion
	 * date): {@code weekly} repeats on its weekday, {@code monthly} on its day of the month and
	 * {@code yearly} on its day of the year. {@code monthly} and {@code yearly} fall back to the last
	 * day of a shorter month (RFC 7529 {@code SKIP=BACKWARD}: the 31st becomes 30 April or 28
	 * February, 29 February becomes the 28th in common years), as people expect from a todo app,
	 * where plain RFC 5545 would skip those months and years. Counted from the series' anchor, they
	 * return to the 31st (or 29 February) afterwards; a series without an anchor continues from the
	 * day it landed on.
	 */
	static final Map<String, String> PRESETS = Map.of("daily", "FREQ=DAILY", "weekdays",
			"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekly", "FREQ=WEEKLY", "monthly",
			"FREQ=MONTHLY;RSCALE=GREGORIAN;SKIP=BACKWARD", "yearly", "FREQ=YEARLY;RSCALE=GREGORIAN;SKIP=BACKWARD");

	/**
	 * The weekdays, Monday first, as RRULE codes ({@code MO}) with the short names the sentences use
	 * ({@code Mon}), so a form offering weekdays names them as its rules are described.
	 */
	public static final Map<String, String> WEEKDAYS = weekdayNames();

	public static final int MAX_LENGTH = 500;

	public static final int MAX_INTERVAL = 1000;

	public static final int MAX_COUNT = 10000;

	public Recurrence {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A recurrence needs a rule");
		}
		from = from == null ? From.DUE : from;
	}

	/**
	 * Reads a recurrence as the API receives it. Null or {@code none} means "does not repeat". RRULEs
	 * are read strictly (a misspelt part is an error, not silently dropped) and must occur at all.
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
		String rule = (value.toUpperCase(Locale.ROOT).startsWith("RRULE:") ? value.substring(6) : value)
			.toUpperCase(Locale.ROOT);
		if (Characters.count(rule) > MAX_LENGTH) {
			errors.add(field, "must be at most " + MAX_LENGTH + " characters long");
			return Optional.empty();
		}
		RecurrenceRule parsed;
		try {
			parsed = new RecurrenceRule(rule, RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			errors.add(field, "'" + value + "' is neither a preset (daily, weekdays, weekly, monthly, yearly, none) "
					+ "nor a valid RRULE such as FREQ=WEEKLY;BYDAY=MO,WE (" + ex.getMessage() + ")");
			return Optional.empty();
		}
		Optional<String> outOfBounds = outOfBounds(parsed);
		if (outOfBounds.isPresent()) {
			errors.add(field, "'" + value + "' " + outOfBounds.get());
			return Optional.empty();
		}
		boolean occurs;
		try {
			occurs = Rule.of(rule).occurs();
		}
		catch (RuntimeException ex) {
			// lib-recur refuses some combinations only when iterating ("too many empty recurrence sets")
			occurs = false;
		}
		if (!occurs) {
			errors.add(field, "'" + value + "' never occurs (such as the 30th of February)");
			return Optional.empty();
		}
		return Optional.of(new Recurrence(rule, mode));
	}

	/**
	 * The limits that keep working out the next instance cheap: iterating a rule costs time in
	 * proportion to its interval, its count and how far apart its instances are, so a task repeats at
	 * most hourly, every {@value #MAX_INTERVAL}th period at most, {@value #MAX_COUNT} times at most.
	 */
	private static Optional<String> outOfBounds(RecurrenceRule rule) {
		if (rule.getFreq() == Freq.SECONDLY || rule.getFreq() == Freq.MINUTELY) {
			return Optional.of("repeats more often than hourly; use FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
		}
		if (rule.getInterval() < 1 || rule.getInterval() > MAX_INTERVAL) {
			return Optional.of("must have an INTERVAL from 1 to " + MAX_INTERVAL);
		}
		Integer count = rule.getCount();
		if (count != null && (count < 1 || count > MAX_COUNT)) {
			return Optional.of("must have a COUNT from 1 to " + MAX_COUNT);
		}
		List<Integer> positions = rule.getByPart(Part.BYSETPOS);
		if (positions != null && positions.stream().anyMatch(position -> position == 0 || Math.abs(position) > 366)) {
			return Optional.of("must have BYSETPOS values from 1 to 366 or -366 to -1");
		}
		if (rule.getUntil() != null && (rule.getUntil().getYear() < 1900 || rule.getUntil().getYear() > 9999)) {
			return Optional.of("must have an UNTIL in the years 1900 to 9999");
		}
		return Optional.empty();
	}

	/** The rule in plain English, e.g. "Every 2 weeks on Mon and Wed, 8 times". */
	public String sentence() {
		return RuleSentence.of(this);
	}

	/**
	 * The next {@code limit} dates after {@code first} (the first instance), as a series that keeps its
	 * due dates brings them; a rule counted from completion moves with the day each one is done.
	 */
	public List<LocalDate> nextDates(LocalDate first, int limit, ZoneId zone) {
		return Rule.of(rrule())
			.after(first.atStartOfDay(), limit, zone)
			.stream()
			.map(LocalDateTime::toLocalDate)
			.filter(date -> date.getYear() <= Occurrence.LAST_YEAR)
			.toList();
	}

	/**
	 * When the instance after a completed one falls due: the date the recurrence consumer gives the
	 * next instance it creates, and what a page can tell the person before that has happened.
	 * @param due the completed instance's due, or null if it had none
	 * @param anchor the due its series counts from, or null if it has none
	 * @param seriesIndex which instance of the series was completed (1 for the first)
	 * @return the next due, or empty if the series has ended (by its rule, or after {@link Occurrence#LAST_YEAR})
	 * @see NextOccurrence
	 */
	public Optional<Occurrence> nextAfter(Occurrence due, Occurrence anchor, Instant completedAt, int seriesIndex,
			ZoneId zone) {
		return NextOccurrence.after(this, due, anchor, completedAt, seriesIndex, zone).filter(Occurrence::byLastYear);
	}

	private static Map<String, String> weekdayNames() {
		Map<String, String> days = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day.name().substring(0, 2), day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
		}
		return Collections.unmodifiableMap(days);
	}

	/** The last day an instance may fall on (the rule's UNTIL, read as a date), if the rule has one. */
	public Optional<LocalDate> lastDay() {
		Matcher until = UNTIL.matcher(rrule());
		return until.find() ? Optional.of(LocalDate.parse(until.group(1), DateTimeFormatter.BASIC_ISO_DATE))
				: Optional.empty();
	}

	private static final Pattern UNTIL = Pattern.compile("(?:^|;)UNTIL=(\\d{8})");

	/** The RRULE this recurrence stands for. */
	public String rrule() {
		return PRESETS.getOrDefault(text, text);
	}
}
