package dev.taskflow.tasks.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.Recurrence;

/**
 * The task form's repeat fields, turned into a recurrence (the server builds the RRULE, so the form
 * works without JavaScript) and back, plus the sentence that describes them.
 *
 * @param repeat {@code none}, a preset ({@code daily} … {@code yearly}), {@code custom} or an RRULE the
 *        other fields cannot show (kept as it is); null or empty when the form had no repeat fields,
 *        which keeps the task's rule as it is
 * @param every the custom interval, such as {@code 2}
 * @param unit {@code days}, {@code weeks} or {@code months}
 * @param days the custom weekdays, comma-separated two-letter RRULE codes ({@code MO,WE})
 * @param monthly for months: {@code day} (on day {@code monthDay}) or {@code weekday} (on the {@code week}th
 *        {@code weekday})
 * @param monthDay the day of the month, 1 to 31; empty for the due date's day
 * @param week which of the month's {@code weekday}s: {@code 1} to {@code 4}, or {@code -1} for the last
 * @param weekday an RRULE weekday code ({@code FR})
 * @param count how many times in all; empty for "never ends"
 * @param until the last day it may fall on ({@code 2030-03-01}); empty for "never ends"
 * @param from {@code due} or {@code completion}
 */
record RepeatRule(String repeat, String every, String unit, String days, String monthly, String monthDay, String week,
		String weekday, String count, String until, String from) {

	private static final Map<String, String> WEEKDAYS = Recurrence.WEEKDAYS;

	/** Which of a month's weekdays a rule may fall on, as the form offers them. */
	private static final Map<String, String> WEEKS = weekNames();

	private static final Map<String, String> UNITS = Map.of("days", "DAILY", "weeks", "WEEKLY", "months", "MONTHLY");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final Pattern NTH_WEEKDAY = Pattern.compile("(-?\\d)([A-Z]{2})");

	private static final List<String> PRESETS = List.of("daily", "weekdays", "weekly", "monthly", "yearly");

	/** The fields for a task's rule; a rule the custom fields cannot show is kept as {@code rule}. */
	static RepeatRule of(Recurrence recurrence) {
		if (recurrence == null) {
			return kept("none", "due");
		}
		String from = recurrence.from().value();
		if (PRESETS.contains(recurrence.text())) {
			return kept(recurrence.text(), from);
		}
		Map<String, String> parts = new LinkedHashMap<>();
		for (String part : recurrence.text().split(";")) {
			String[] pair = part.split("=", 2);
			parts.put(pair[0], pair.length > 1 ? pair[1] : "");
		}
		String unit = UNITS.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(parts.get("FREQ")))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		String byDay = parts.getOrDefault("BYDAY", "");
		Matcher nthWeekday = NTH_WEEKDAY.matcher(byDay);
		boolean monthlyByWeekday = "months".equals(unit) && nthWeekday.matches() && WEEKS.containsKey(nthWeekday.group(1));
		boolean plain = unit != null && parts.keySet()
			.stream()
			.allMatch(key -> List.of("FREQ", "INTERVAL", "COUNT").contains(key)
					|| key.equals("UNTIL") && parts.get("UNTIL").matches("\\d{8}")
					|| key.equals("BYDAY") && (unit.equals("weeks") || monthlyByWeekday)
					|| key.equals("BYMONTHDAY") && unit.equals("months") && parts.get("BYMONTHDAY").matches("[1-9]|[12]\\d|3[01]"))
				&& !(parts.containsKey("BYDAY") && parts.containsKey("BYMONTHDAY"));
		if (!plain) {
			return kept(recurrence.text(), from);
		}
		return new RepeatRule("custom", parts.getOrDefault("INTERVAL", "1"), unit, monthlyByWeekday ? "" : byDay,
				monthlyByWeekday ? "weekday" : "day", parts.getOrDefault("BYMONTHDAY", ""),
				monthlyByWeekday ? nthWeekday.group(1) : "1", monthlyByWeekday ? nthWeekday.group(2) : "MO",
				parts.getOrDefault("COUNT", ""), untilDate(parts.get("UNTIL")), from);
	}

	/** A preset, "does not repeat" or a rule the custom fields cannot show: the custom fields at their defaults. */
	private static RepeatRule kept(String repeat, String from) {
		return new RepeatRule(repeat, "", "", "", "day", "", "1", "MO", "", "", from);
	}

	/** Whether the form carried repeat fields at all (an older or partial form keeps the rule). */
	boolean given() {
		return repeat != null && !repeat.isBlank();
	}

	/** Whether {@code repeat} holds a rule the other fields cannot show (set through the API), kept as it is. */
	public boolean keepsRule() {
		return given() && !repeat.strip().equalsIgnoreCase("none") && !repeat.strip().equalsIgnoreCase("custom")
				&& !PRESETS.contains(repeat.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * The recurrence these fields describe; empty for "does not repeat". Problems are reported under
	 * {@code repeat}, keeping every field as typed.
	 */
	Optional<Recurrence> recurrence(FieldErrors errors) {
		String choice = repeat.strip().toLowerCase(Locale.ROOT);
		String fromValue = from == null || from.isBlank() ? "due" : from.strip();
		if (choice.equals("none")) {
			return Optional.empty();
		}
		if (PRESETS.contains(choice)) {
			return Recurrence.parse(choice, fromValue, "repeat", "repeat", errors);
		}
		if (!choice.equals("custom")) {
			return Recurrence.parse(repeat.strip(), fromValue, "repeat", "repeat", errors);
		}
		Optional<String> rule = customRule(errors);
		return rule.flatMap(text -> Recurrence.parse(text, fromValue, "repeat", "repeat", errors));
	}

	private Optional<String> customRule(FieldErrors errors) {
		Integer interval = number(every, "every", 1, Recurrence.MAX_INTERVAL, errors);
		String freq = unit == null ? null : UNITS.get(unit.strip());
		if (freq == null) {
			errors.add("repeat", "choose days, weeks or months");
		}
		List<String> byDay = dayList();
		boolean daysFit = byDay.isEmpty() || "weeks".equals(unit);
		if (!daysFit) {
			errors.add("repeat", "weekdays can only be chosen for a rule that repeats every N weeks");
		}
		boolean daysKnown = byDay.stream().allMatch(WEEKDAYS::containsKey);
		if (!daysKnown) {
			errors.add("repeat", "has an unknown weekday; use MO, TU, WE, TH, FR, SA or SU");
		}
		Optional<String> inMonth = "months".equals(unit) ? dayInMonth(errors) : Optional.of("");
		boolean endless = count == null || count.isBlank();
		Integer times = endless ? null : number(count, "end after", 1, Recurrence.MAX_COUNT, errors);
		boolean noEndDate = until == null || until.isBlank();
		LocalDate last = noEndDate ? null : endDate(errors);
		if (!endless && !noEndDate) {
			errors.add("repeat", "can end after a number of times or on a date, not both");
		}
		if (interval == null || freq == null || !daysFit || !daysKnown || inMonth.isEmpty()
				|| (!endless && times == null) || (!noEndDate && (last == null || !endless))) {
			return Optional.empty();
		}
		StringBuilder rule = new StringBuilder("FREQ=").append(freq).append(";INTERVAL=").append(interval);
		if (!byDay.isEmpty()) {
			rule.append(";BYDAY=").append(String.join(",", byDay));
		}
		rule.append(inMonth.get());
		if (times != null) {
			rule.append(";COUNT=").append(times);
		}
		if (last != null) {
			rule.append(";UNTIL=").append(last.format(DateTimeFormatter.BASIC_ISO_DATE));
		}
		return Optional.of(rule.toString());
	}

	/**
	 * The part of a monthly rule that says which day: {@code ;BYMONTHDAY=15}, {@code ;BYDAY=-1FR}, or
	 * nothing for the due date's day; empty when the fields make no sense.
	 */
	private Optional<String> dayInMonth(FieldErrors errors) {
		if ("weekday".equals(monthly)) {
			String which = week == null ? "" : week.strip();
			String day = weekday == null ? "" : weekday.strip().toUpperCase(Locale.ROOT);
			if (!WEEKS.containsKey(which) || !WEEKDAYS.containsKey(day)) {
				errors.add("repeat", "choose the first, second, third, fourth or last of a weekday");
				return Optional.empty();
			}
			return Optional.of(";BYDAY=" + which + day);
		}
		if (monthDay == null || monthDay.isBlank()) {
			return Optional.of("");
		}
		Integer day = number(monthDay, "day of the month", 1, 31, errors);
		return day == null ? Optional.empty() : Optional.of(";BYMONTHDAY=" + day);
	}

	private LocalDate endDate(FieldErrors errors) {
		try {
			return LocalDate.parse(until.strip());
		}
		catch (DateTimeException ex) {
			errors.add("repeat", "'" + until.strip() + "' is not an end date such as 2030-03-01");
			return null;
		}
	}

	private static String untilDate(String until) {
		return until == null ? "" : LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE).toString();
	}

	private static Integer number(String text, String label, int min, int max, FieldErrors errors) {
		try {
			int value = Integer.parseInt(text == null ? "" : text.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, like an out-of-range number
		}
		errors.add("repeat", "'" + label + "' must be a whole number from " + min + " to " + max);
		return null;
	}

	private List<String> dayList() {
		return days == null ? List.of()
				: Arrays.stream(days.split(","))
					.map(day -> day.strip().toUpperCase(Locale.ROOT))
					.filter(day -> !day.isEmpty())
					.distinct()
					.toList();
	}

	/** The weekdays to choose from: RRULE code to short name. */
	public Map<String, String> weekdays() {
		return WEEKDAYS;
	}

	public boolean hasDay(String code) {
		return dayList().contains(code);
	}

	/** The choices for "on the … weekday": {@code 1} to "first" … {@code -1} to "last". */
	public Map<String, String> weeks() {
		return WEEKS;
	}

	/** Whether a monthly rule falls on a weekday of the month ("the last Fri") rather than on a day. */
	public boolean byWeekday() {
		return "weekday".equals(monthly);
	}

	/** The rule in words ("Every 2 weeks on Mon and Wed, 8 times"); null when it does not repeat or is not valid. */
	public String sentence() {
		if (!given()) {
			return null;
		}
		return recurrence(new FieldErrors()).map(Recurrence::sentence).orElse(null);
	}

	/**
	 * The next three dates after {@code first} (the due date, or today for a task without one), such as
	 * "Mon 20 Jan 2031"; empty when it does not repeat or the fields are not valid.
	 */
	List<String> nextDates(LocalDate first, ZoneId zone) {
		if (!given()) {
			return List.of();
		}
		return recurrence(new FieldErrors()).map(rule -> rule.nextDates(first, 3, zone))
			.orElse(List.of())
			.stream()
			.map(DATE::format)
			.toList();
	}

	private static Map<String, String> weekNames() {
		Map<String, String> weeks = new LinkedHashMap<>();
		weeks.put("1", "first");
		weeks.put("2", "second");
		weeks.put("3", "third");
		weeks.put("4", "fourth");
		weeks.put("-1", "last");
		return weeks;
	}
}
