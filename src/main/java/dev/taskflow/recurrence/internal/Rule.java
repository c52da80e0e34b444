package dev.taskflow.recurrence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RRULE split into its pattern and its end. lib-recur iterates the pattern from the start it is
 * given (a series' anchor, or a completed instance's due or completion), in floating local time, so a
 * time of day stays put across DST changes. The end is ours to apply: {@code COUNT} is counted from
 * the start, or compared with the series index where every instance restarts the rule, and
 * {@code UNTIL} is compared in the user's time zone.
 */
public final class Rule {

	private static final Set<Freq> SUB_DAILY = EnumSet.of(Freq.HOURLY, Freq.MINUTELY, Freq.SECONDLY);

	/** How many instances at most are looked at for the next one (they come in order; this is a guard). */
	private static final int MAX_INSTANCES = 1000;

	private static final LocalDateTime SAMPLE_START = LocalDateTime.of(2024, 1, 1, 0, 0);

	private final RecurrenceRule pattern;

	private final Integer count;

	private final Until until;

	private Rule(RecurrenceRule pattern, Integer count, Until until) {
		this.pattern = pattern;
		this.count = count;
		this.until = until;
	}

	/**
	 * Reads an RRULE (without {@code RRULE:}) leniently: rules stored earlier are read as they were
	 * accepted. Validation of new rules is {@link dev.taskflow.recurrence.Recurrence#parse}'s job.
	 * @throws IllegalArgumentException if lib-recur cannot read it at all
	 */
	public static Rule of(String rrule) {
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(rrule);
		}
		catch (InvalidRecurrenceRuleException ex) {
			throw new IllegalArgumentException("not an RRULE: " + rrule, ex);
		}
		Integer count = rule.getCount();
		Until until = rule.getUntil() == null ? null : Until.of(rule.getUntil());
		rule.setUntil(null); // drops COUNT too
		return new Rule(rule, count, until);
	}

	/** Whether the rule produces any instance at all (no RRULE is refused for it, but February 30 never comes). */
	public boolean occurs() {
		return firstFrom(SAMPLE_START, SAMPLE_START.plusSeconds(1)).isPresent();
	}

	/**
	 * Whether instance {@code seriesIndex} (1 for the first) is the last one {@code COUNT} allows, for a
	 * series that restarts the rule at every instance.
	 */
	boolean endsWith(int seriesIndex) {
		return count != null && seriesIndex >= count;
	}

	/**
	 * Whether {@code instance} of the pattern started at {@code start} is within {@code COUNT}, counted
	 * as RFC 5545 does: the start is the first instance, whether or not the pattern matches it.
	 */
	boolean counts(LocalDateTime start, LocalDateTime instance) {
		if (count == null) {
			return true;
		}
		RecurrenceRuleIterator instances = pattern.iterator(floating(start));
		int position = 1;
		while (instances.hasNext()) {
			LocalDateTime next = local(instances.nextDateTime());
			if (next.isAfter(start) && ++position > count) {
				return false;
			}
			if (!next.isBefore(instance)) {
				break;
			}
		}
		return true;
	}

	/**
	 * The first {@code limit} instances after {@code start} (itself the first instance), within the
	 * rule's {@code COUNT} and {@code UNTIL}: what a series that keeps its due dates will bring next.
	 */
	public List<LocalDateTime> after(LocalDateTime start, int limit, ZoneId zone) {
		List<LocalDateTime> found = new ArrayList<>();
		try {
			RecurrenceRuleIterator instances = pattern.iterator(floating(start));
			int position = 1;
			for (int i = 0; i < MAX_INSTANCES && found.size() < limit && instances.hasNext(); i++) {
				LocalDateTime next = local(instances.nextDateTime());
				if (!next.isAfter(start)) {
					continue;
				}
				if (count != null && ++position > count || !allows(next, true, zone)) {
					break;
				}
				found.add(next);
			}
		}
		catch (IllegalArgumentException ex) {
			// lib-recur gives up on patterns that filter out every candidate ("too many filtered instances")
		}
		return found;
	}

	/** Hourly and finer rules repeat within a day, so they count from a moment, not from a day. */
	boolean subDaily() {
		return SUB_DAILY.contains(pattern.getFreq());
	}

	/** Whether an instance at this local time (or on this day) is before the rule's {@code UNTIL}. */
	boolean allows(LocalDateTime local, boolean allDay, ZoneId zone) {
		return until == null || until.allows(local, allDay, zone);
	}

	/**
	 * The first instance of the pattern started at {@code start} that is not before {@code notBefore},
	 * or none if the pattern has no more instances.
	 */
	Optional<LocalDateTime> firstFrom(LocalDateTime start, LocalDateTime notBefore) {
		try {
			RecurrenceRuleIterator instances = pattern.iterator(floating(start));
			instances.fastForward(floating(notBefore));
			for (int i = 0; i < MAX_INSTANCES && instances.hasNext(); i++) {
				LocalDateTime instance = local(instances.nextDateTime());
				if (!instance.isBefore(notBefore)) {
					return Optional.of(instance);
				}
			}
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			// lib-recur gives up on patterns that filter out every candidate ("too many filtered instances")
			return Optional.empty();
		}
	}

	private static DateTime floating(LocalDateTime local) {
		return new DateTime(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(),
				local.getMinute(), local.getSecond());
	}

	private static LocalDateTime local(DateTime instance) {
		return LocalDateTime.of(instance.getYear(), instance.getMonth() + 1, instance.getDayOfMonth(),
				instance.isAllDay() ? 0 : instance.getHours(), instance.isAllDay() ? 0 : instance.getMinutes(),
				instance.isAllDay() ? 0 : instance.getSeconds());
	}

	/**
	 * {@code UNTIL} in its three RFC 5545 forms: a date, a floating local time, or a UTC time. Dates
	 * and local times are the user's; a UTC time is compared with the instance's moment in the user's zone.
	 */
	private interface Until {

		boolean allows(LocalDateTime instance, boolean allDay, ZoneId zone);

		static Until of(DateTime until) {
			if (until.isAllDay()) {
				LocalDate last = LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth());
				return (instance, allDay, zone) -> !instance.toLocalDate().isAfter(last);
			}
			if (until.isFloating()) {
				LocalDateTime last = local(until);
				return (instance, allDay, zone) -> allDay ? !instance.toLocalDate().isAfter(last.toLocalDate())
						: !instance.isAfter(last);
			}
			Instant last = Instant.ofEpochMilli(until.getTimestamp());
			return (instance, allDay, zone) -> allDay
					? !instance.toLocalDate().isAfter(last.atZone(zone).toLocalDate())
					: !instance.atZone(zone).toInstant().isAfter(last);
		}
	}
}
