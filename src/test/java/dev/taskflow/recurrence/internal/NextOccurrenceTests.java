package dev.taskflow.recurrence.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.taskflow.recurrence.Occurrence;
import dev.taskflow.recurrence.Recurrence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next due date of a recurring task. 2026-01-30 is a Friday; Europe/Berlin changes to summer
 * time on 2026-03-29 and back on 2026-10-25, America/New_York on 2026-03-08 and 2026-11-01.
 */
class NextOccurrenceTests {

	/** When an instance was completed where it does not matter (from the due date) or is not the point. */
	private static final Instant COMPLETED = Instant.parse("2026-03-05T10:00:00Z");

	/**
	 * One step, the rule started at the completed instance's due: what a series without an anchor
	 * does at every instance, and what every series does from its first (whose due is the anchor).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# case                                                         | rule                                                  | from       | due                       | completed            | index | zone             | next
			daily moves an all-day task to the next day                     | daily                                                 | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | 2026-01-31
			daily keeps the time of day                                     | daily                                                 | due        | 2026-01-30T09:00:00+01:00 | 2026-01-30T10:00:00Z | 1     | Europe/Berlin    | 2026-01-31T09:00+01:00
			daily crosses the year end                                      | daily                                                 | due        | 2026-12-31                | 2026-12-31T10:00:00Z | 1     | UTC              | 2027-01-01
			weekdays skip from Friday to Monday                             | weekdays                                              | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | 2026-02-02
			weekdays go from Monday to Tuesday                              | weekdays                                              | due        | 2026-02-02                | 2026-02-02T10:00:00Z | 1     | UTC              | 2026-02-03
			weekly repeats on the due's weekday                             | weekly                                                | due        | 2026-01-28                | 2026-01-28T10:00:00Z | 1     | UTC              | 2026-02-04
			weekly on chosen days goes from Monday to Wednesday             | FREQ=WEEKLY;BYDAY=MO,WE                               | due        | 2026-02-02                | 2026-02-02T10:00:00Z | 1     | UTC              | 2026-02-04
			weekly on chosen days goes from Wednesday to next Monday        | FREQ=WEEKLY;BYDAY=MO,WE                               | due        | 2026-02-04                | 2026-02-04T10:00:00Z | 1     | UTC              | 2026-02-09
			every other week on chosen days skips a week                    | FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE                    | due        | 2026-02-04                | 2026-02-04T10:00:00Z | 1     | UTC              | 2026-02-16
			every 3 days crosses a short February                           | FREQ=DAILY;INTERVAL=3                                 | due        | 2026-02-27                | 2026-02-27T10:00:00Z | 1     | UTC              | 2026-03-02
			every 10 days crosses the year end                              | FREQ=DAILY;INTERVAL=10                                | due        | 2026-12-28                | 2026-12-28T10:00:00Z | 1     | UTC              | 2027-01-07
			every 2 months keeps the day                                    | FREQ=MONTHLY;INTERVAL=2                               | due        | 2026-01-15                | 2026-01-15T10:00:00Z | 1     | UTC              | 2026-03-15
			monthly keeps the day of the month                              | monthly                                               | due        | 2026-01-15                | 2026-01-15T10:00:00Z | 1     | UTC              | 2026-02-15
			monthly on the 31st falls back to 28 February                   | monthly                                               | due        | 2026-01-31                | 2026-01-31T10:00:00Z | 1     | UTC              | 2026-02-28
			monthly on the 31st falls back to 29 February in a leap year    | monthly                                               | due        | 2028-01-31                | 2028-01-31T10:00:00Z | 1     | UTC              | 2028-02-29
			monthly on the 31st falls back to 30 April                      | monthly                                               | due        | 2026-03-31                | 2026-03-31T10:00:00Z | 1     | UTC              | 2026-04-30
			monthly from 28 February continues on the 28th                 | monthly                                               | due        | 2026-02-28                | 2026-02-28T10:00:00Z | 1     | UTC              | 2026-03-28
			an RRULE on the 31st skips short months as RFC 5545 says        | FREQ=MONTHLY;BYMONTHDAY=31                            | due        | 2026-01-31                | 2026-01-31T10:00:00Z | 1     | UTC              | 2026-03-31
			an RRULE on the 31st with SKIP=BACKWARD takes the last day      | FREQ=MONTHLY;BYMONTHDAY=31;RSCALE=GREGORIAN;SKIP=BACKWARD | due    | 2026-01-31                | 2026-01-31T10:00:00Z | 1     | UTC              | 2026-02-28
			an RRULE on the 31st with SKIP=BACKWARD returns to the 31st     | FREQ=MONTHLY;BYMONTHDAY=31;RSCALE=GREGORIAN;SKIP=BACKWARD | due    | 2026-02-28                | 2026-02-28T10:00:00Z | 1     | UTC              | 2026-03-31
			the last day of the month                                       | FREQ=MONTHLY;BYMONTHDAY=-1                            | due        | 2026-03-31                | 2026-03-31T10:00:00Z | 1     | UTC              | 2026-04-30
			the last Friday of the month                                    | FREQ=MONTHLY;BYDAY=-1FR                               | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | 2026-02-27
			the first Monday of the month                                   | FREQ=MONTHLY;BYDAY=1MO                                | due        | 2026-01-05                | 2026-01-05T10:00:00Z | 1     | UTC              | 2026-02-02
			the last weekday of the month                                   | FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1         | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | 2026-02-27
			yearly on 29 February falls back to the 28th in a common year   | yearly                                                | due        | 2028-02-29                | 2028-02-29T10:00:00Z | 1     | UTC              | 2029-02-28
			a yearly RRULE on 29 February waits for the next leap year      | FREQ=YEARLY                                           | due        | 2028-02-29                | 2028-02-29T10:00:00Z | 1     | UTC              | 2032-02-29
			the last day of February reaches the 29th in a leap year        | FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1                   | due        | 2031-02-28                | 2031-02-28T10:00:00Z | 1     | UTC              | 2032-02-29
			COUNT leaves room for the next instance                         | FREQ=DAILY;COUNT=3                                    | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 2     | UTC              | 2026-01-31
			COUNT ends the series at its last instance                      | FREQ=DAILY;COUNT=3                                    | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 3     | UTC              | ended
			COUNT=1 has no second instance                                  | FREQ=WEEKLY;COUNT=1                                   | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | ended
			UNTIL a date includes that date                                 | FREQ=DAILY;UNTIL=20260131                             | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | 2026-01-31
			UNTIL a date ends the series after that date                    | FREQ=DAILY;UNTIL=20260131                             | due        | 2026-01-31                | 2026-01-31T10:00:00Z | 1     | UTC              | ended
			UNTIL a date is a day in the user's zone                        | FREQ=DAILY;UNTIL=20260301                             | due        | 2026-02-28T22:00:00-05:00 | 2026-03-01T04:00:00Z | 1     | America/New_York | 2026-03-01T22:00-05:00
			UNTIL a UTC time includes an instance at that moment            | FREQ=DAILY;UNTIL=20260331T070000Z                     | due        | 2026-03-30T09:00:00+02:00 | 2026-03-30T08:00:00Z | 1     | Europe/Berlin    | 2026-03-31T09:00+02:00
			UNTIL a UTC time excludes an instance after it                  | FREQ=DAILY;UNTIL=20260331T065959Z                     | due        | 2026-03-30T09:00:00+02:00 | 2026-03-30T08:00:00Z | 1     | Europe/Berlin    | ended
			a rule that never occurs again ends the series                  | FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30                   | due        | 2026-01-30                | 2026-01-30T10:00:00Z | 1     | UTC              | ended
			9:00 stays 9:00 when Berlin springs forward                     | daily                                                 | due        | 2026-03-28T09:00:00+01:00 | 2026-03-28T10:00:00Z | 1     | Europe/Berlin    | 2026-03-29T09:00+02:00
			9:00 stays 9:00 when Berlin falls back                          | daily                                                 | due        | 2026-10-24T09:00:00+02:00 | 2026-10-24T10:00:00Z | 1     | Europe/Berlin    | 2026-10-25T09:00+01:00
			9:00 stays 9:00 when New York springs forward                   | daily                                                 | due        | 2026-03-07T09:00:00-05:00 | 2026-03-07T15:00:00Z | 1     | America/New_York | 2026-03-08T09:00-04:00
			18:30 weekly stays 18:30 when New York falls back               | weekly                                                | due        | 2026-10-26T18:30:00-04:00 | 2026-10-26T23:00:00Z | 1     | America/New_York | 2026-11-02T18:30-05:00
			the last Friday at 17:00 across New York's change               | FREQ=MONTHLY;BYDAY=-1FR                               | due        | 2026-02-27T17:00:00-05:00 | 2026-02-27T23:00:00Z | 1     | America/New_York | 2026-03-27T17:00-04:00
			2:30 skipped by spring forward moves on by the gap              | daily                                                 | due        | 2026-03-28T02:30:00+01:00 | 2026-03-28T10:00:00Z | 1     | Europe/Berlin    | 2026-03-29T03:30+02:00
			2:30 that happens twice in autumn takes the first               | daily                                                 | due        | 2026-10-24T02:30:00+02:00 | 2026-10-24T10:00:00Z | 1     | Europe/Berlin    | 2026-10-25T02:30+02:00
			a due given in UTC keeps its wall-clock time in the user's zone | daily                                                 | due        | 2026-03-28T08:00:00Z      | 2026-03-28T10:00:00Z | 1     | Europe/Berlin    | 2026-03-29T09:00+02:00
			an all-day due is untouched by DST                              | daily                                                 | due        | 2026-03-28                | 2026-03-28T10:00:00Z | 1     | Europe/Berlin    | 2026-03-29
			hourly counts from the due time                                 | FREQ=HOURLY;INTERVAL=4                                | due        | 2026-01-30T22:00:00Z      | 2026-01-30T22:05:00Z | 1     | UTC              | 2026-01-31T02:00Z
			from the due a late completion keeps the schedule               | daily                                                 | due        | 2026-02-02                | 2026-02-05T12:00:00Z | 1     | UTC              | 2026-02-03
			from the due an early completion keeps the schedule             | weekly                                                | due        | 2026-02-06                | 2026-02-03T12:00:00Z | 1     | UTC              | 2026-02-13
			from completion an early completion moves the schedule up       | daily                                                 | completion | 2026-02-06                | 2026-02-03T12:00:00Z | 1     | UTC              | 2026-02-04
			from completion a late completion moves the schedule on         | daily                                                 | completion | 2026-02-02                | 2026-02-05T12:00:00Z | 1     | UTC              | 2026-02-06
			from completion the day of completion is the user's             | daily                                                 | completion | 2026-01-15                | 2026-01-15T23:30:00Z | 1     | Europe/Berlin    | 2026-01-17
			from completion in New York the evening is still the same day   | daily                                                 | completion | 2026-01-15                | 2026-01-16T03:00:00Z | 1     | America/New_York | 2026-01-16
			from completion a timed due keeps its time of day               | daily                                                 | completion | 2026-02-02T09:00:00+01:00 | 2026-02-05T17:45:00Z | 1     | Europe/Berlin    | 2026-02-06T09:00+01:00
			from completion before the due time still means the next day    | daily                                                 | completion | 2026-02-05T09:00:00+01:00 | 2026-02-05T06:00:00Z | 1     | Europe/Berlin    | 2026-02-06T09:00+01:00
			from completion every 2 weeks counts from the completion day    | FREQ=WEEKLY;INTERVAL=2                                | completion | 2026-02-02                | 2026-02-05T10:00:00Z | 1     | UTC              | 2026-02-19
			from completion on a Saturday weekdays resume on Monday         | weekdays                                              | completion | 2026-02-06                | 2026-02-07T10:00:00Z | 1     | UTC              | 2026-02-09
			from completion monthly on the 31st falls back to February 28th | monthly                                               | completion | 2026-01-10                | 2026-01-31T10:00:00Z | 1     | UTC              | 2026-02-28
			from completion a later hour of the same day is next            | FREQ=DAILY;BYHOUR=9,17                                | completion | 2026-02-02T09:00:00Z      | 2026-02-03T10:00:00Z | 1     | UTC              | 2026-02-03T17:00Z
			from completion hourly counts from the moment of completion     | FREQ=HOURLY;INTERVAL=2                                | completion | 2026-02-02T09:00:00Z      | 2026-02-02T15:20:30Z | 1     | UTC              | 2026-02-02T17:20Z
			from completion COUNT still ends the series                     | FREQ=DAILY;COUNT=2                                    | completion | 2026-02-02                | 2026-02-05T10:00:00Z | 2     | UTC              | ended
			without a due date the next is the day after completion         | daily                                                 | due        | -                         | 2026-02-05T10:00:00Z | 1     | UTC              | 2026-02-06
			without a due date a weekly rule finds its weekday              | FREQ=WEEKLY;BYDAY=MO                                  | completion | -                         | 2026-02-04T10:00:00Z | 1     | Europe/Berlin    | 2026-02-09
			""")
	void computesTheNextDueDate(String description, String rule, String from, String due, String completed,
			int index, String zone, String next) {
		Recurrence recurrence = new Recurrence(rule, Recurrence.From.parse(from).orElseThrow());
		Optional<Occurrence> actual = NextOccurrence.after(recurrence, due.equals("-") ? null : Occurrence.parse(due),
				null, Instant.parse(completed), index, ZoneId.of(zone));

		assertNext(actual, next);
	}

	/**
	 * A series from its first instance on, each due the next after the one before, the rule started at
	 * the first due (the series' anchor).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# case                                                        | rule                               | zone             | dues, the first being the anchor
			monthly on the 31st returns to the 31st after short months    | monthly                            | UTC              | 2026-01-31 2026-02-28 2026-03-31 2026-04-30 2026-05-31
			monthly on the 30th returns to the 30th after February        | monthly                            | UTC              | 2026-01-30 2026-02-28 2026-03-30
			yearly on 29 February returns to it in the next leap year     | yearly                             | UTC              | 2028-02-29 2029-02-28 2030-02-28 2031-02-28 2032-02-29
			monthly at 9:00 on the 31st keeps day and time across DST     | monthly                            | Europe/Berlin    | 2026-01-31T09:00:00+01:00 2026-02-28T09:00+01:00 2026-03-31T09:00+02:00
			2:30 moved by the spring gap is 2:30 again the day after      | daily                              | Europe/Berlin    | 2026-03-28T02:30:00+01:00 2026-03-29T03:30+02:00 2026-03-30T02:30+02:00
			2:30 in New York is 2:30 again after its spring gap           | daily                              | America/New_York | 2026-03-07T02:30:00-05:00 2026-03-08T03:30-04:00 2026-03-09T02:30-04:00
			2:30 first due in the gap (as written) is 2:30 the days after | daily                              | America/New_York | 2027-03-14T02:30:00-05:00 2027-03-15T02:30-04:00 2027-03-16T02:30-04:00
			COUNT counts instances from the anchor                        | FREQ=DAILY;COUNT=3                 | UTC              | 2026-01-30 2026-01-31 2026-02-01 ended
			COUNT counts the anchor even where the rule does not match it | FREQ=WEEKLY;BYDAY=FR;COUNT=3       | UTC              | 2026-02-02 2026-02-06 2026-02-13 ended
			COUNT on the 31st counts only the months that have one        | FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3 | UTC              | 2026-01-31 2026-03-31 2026-05-31 ended
			""")
	void aSeriesCountsFromItsAnchor(String description, String rule, String zone, String dues) {
		Recurrence recurrence = new Recurrence(rule, Recurrence.From.DUE);
		List<String> expected = List.of(dues.split(" "));
		Occurrence anchor = Occurrence.parse(expected.get(0));

		Occurrence due = anchor;
		for (int index = 1; index < expected.size(); index++) {
			Optional<Occurrence> next = NextOccurrence.after(recurrence, due, anchor, COMPLETED, index, ZoneId.of(zone));
			assertNext(next, expected.get(index));
			due = next.orElse(null);
		}
	}

	/** One step of an anchored series whose instance is not where the schedule put it. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# case                                                         | rule                        | from       | anchor               | due                       | index | zone          | next
			a postponed instance keeps the schedule                        | monthly                     | due        | 2026-01-31           | 2026-03-02                | 3     | UTC           | 2026-03-31
			an instance moved before the anchor is followed by its next    | monthly                     | due        | 2026-01-31           | 2026-01-20                | 2     | UTC           | 2026-02-28
			COUNT counts the instances a postponed one skipped             | FREQ=DAILY;COUNT=5          | due        | 2026-01-30           | 2026-02-05                | 2     | UTC           | ended
			an all-day anchor gives a timed due its day                    | monthly                     | due        | 2026-01-31           | 2026-02-28T09:00:00+01:00 | 2     | Europe/Berlin | 2026-03-31T09:00+02:00
			a timed anchor gives an all-day due its day in the user's zone | monthly                     | due        | 2026-01-31T23:30:00Z | 2026-02-28                | 2     | Europe/Berlin | 2026-03-01
			a timed anchor keeps its wall-clock time in the user's zone    | monthly                     | due        | 2026-01-31T08:00:00Z | 2026-02-28T09:00:00+01:00 | 2     | Europe/Berlin | 2026-03-31T09:00+02:00
			UNTIL still ends an anchored series                            | FREQ=MONTHLY;UNTIL=20260430 | due        | 2026-01-31           | 2026-03-31                | 3     | UTC           | ended
			from completion the anchor does not matter                     | monthly                     | completion | 2026-01-31           | 2026-02-28                | 2     | UTC           | 2026-04-05
			""")
	void anAnchoredSeriesKeepsItsSchedule(String description, String rule, String from, String anchor, String due,
			int index, String zone, String next) {
		Recurrence recurrence = new Recurrence(rule, Recurrence.From.parse(from).orElseThrow());
		Optional<Occurrence> actual = NextOccurrence.after(recurrence, Occurrence.parse(due), Occurrence.parse(anchor),
				COMPLETED, index, ZoneId.of(zone));

		assertNext(actual, next);
	}

	private static void assertNext(Optional<Occurrence> actual, String next) {
		if (next.equals("ended")) {
			assertThat(actual).as("the series has ended").isEmpty();
		}
		else {
			assertThat(actual).contains(Occurrence.parse(next));
		}
	}
}
