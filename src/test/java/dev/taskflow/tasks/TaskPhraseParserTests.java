package dev.taskflow.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import dev.taskflow.platform.InvalidInput;
import dev.taskflow.tasks.RecognisedPart.Kind;
import org.junit.jupiter.api.Test;

import static dev.taskflow.tasks.TaskPhraseParserTableTests.BERLIN;
import static dev.taskflow.tasks.TaskPhraseParserTableTests.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spans, labels, undoing a part, date-only phrases and ranges; the phrasings themselves are in the table tests. */
class TaskPhraseParserTests {

	private final TaskPhraseParser parser = new TaskPhraseParser(Clock.fixed(NOW.toInstant(), BERLIN));

	@Test
	void eachRecognisedPartCarriesItsSpanTextAndLabel() {
		String text = "Call the dentist tomorrow 9am #health p1";
		ParsedTask parsed = parser.parse(text, BERLIN);

		assertThat(parsed.parts()).containsExactly(
				new RecognisedPart(Kind.DUE, 17, 29, "tomorrow 9am", "Tomorrow 9:00"),
				new RecognisedPart(Kind.TAG, 30, 37, "#health", "#health"),
				new RecognisedPart(Kind.PRIORITY, 38, 40, "p1", "High priority"));
		parsed.parts().forEach(part -> assertThat(text.substring(part.start(), part.end())).isEqualTo(part.text()));
	}

	/** Undoing "tomorrow" quotes it; a stray quote earlier in the line must not pair with that quote. */
	@Test
	void undoingAPartAfterAStrayQuoteLeavesItInTheTitle() {
		ParsedTask parsed = parser.parse("Buy \"Buy (tomorrow", BERLIN);
		RecognisedPart due = parsed.parts(RecognisedPart.Kind.DUE).get(0);

		ParsedTask without = parsed.without(due);

		assertThat(without.parts(RecognisedPart.Kind.DUE)).isEmpty();
		assertThat(without.title()).contains("tomorrow");
	}

	@Test
	void recurrenceAndReminderPartsAreLabelledForAPreview() {
		ParsedTask parsed = parser.parse("Standup every weekday at 9 remind me 30 minutes before", BERLIN);

		assertThat(parsed.parts(Kind.RECURRENCE)).extracting(RecognisedPart::label).containsExactly("Every weekday");
		assertThat(parsed.parts(Kind.REMINDER)).extracting(RecognisedPart::label).containsExactly("30 min before");
		assertThat(parsed.parts(Kind.DUE)).extracting(RecognisedPart::text).containsExactly("at 9");
		assertThat(parser.parse("Sync every 2 weeks on Mon and Wed", BERLIN).parts().get(0).label())
			.isEqualTo("Every 2 weeks on Mon and Wed");
		assertThat(parser.parse("Lunch every last Friday", BERLIN).parts().get(0).label()).isEqualTo("Every last Friday");
		assertThat(parser.parse("Filter every! 3 days", BERLIN).parts().get(0).label())
			.isEqualTo("Every 3 days from completion");
		assertThat(parser.parse("Call remind at 8am", BERLIN).parts().get(0).label()).isEqualTo("At 8:00");
	}

	@Test
	void anEndOfARepeatAndALeadingRemindMeToAreLabelledForAPreview() {
		assertThat(parser.parse("Gym every Monday until Dec 31", BERLIN).parts(Kind.RECURRENCE))
			.extracting(RecognisedPart::text, RecognisedPart::label)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("every Monday until Dec 31", "Every Monday until 31 Dec 2026"));
		assertThat(parser.parse("Pills every day for 2 weeks", BERLIN).parts().get(0).label())
			.isEqualTo("Every day for 2 weeks");
		assertThat(parser.parse("Physio every Tuesday for 6 times", BERLIN).parts().get(0).label())
			.isEqualTo("Every Tuesday, 6 times");
		ParsedTask remind = parser.parse("remind me to call mom tomorrow at 6pm", BERLIN);
		assertThat(remind.parts(Kind.REMINDER)).extracting(RecognisedPart::text, RecognisedPart::label)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("remind me to", "At due time"));
	}

	/** Clocks in New York skip from 2:00 to 3:00 on 14 March 2027. */
	@Test
	void aDailyTimeInTheSpringGapIsDueAfterTheGapAndAtItsOwnTimeTheDaysAfter() {
		ZoneId newYork = ZoneId.of("America/New_York");
		Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-29T15:00:00Z"), newYork);
		ParsedTask parsed = new TaskPhraseParser(clock).parse("x Mar 14, 2027 2:30am every day", newYork);
		dev.taskflow.recurrence.Occurrence first = dev.taskflow.recurrence.Occurrence.parse(parsed.due().format());

		assertThat(parsed.due().dateTime().toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-14T03:30-04:00").toInstant());
		assertThat(parsed.recurrence().nextAfter(first, first, java.time.Instant.parse("2027-03-14T08:00:00Z"), 1, newYork))
			.map(next -> next.dateTime())
			.contains(OffsetDateTime.parse("2027-03-15T02:30-04:00"));
	}

	@Test
	void aDateAndATimeApartAreTwoPartsEachLabelledWithItsShare() {
		ParsedTask parsed = parser.parse("Call Bob on Dec 24 about gifts at 5pm", BERLIN);

		assertThat(parsed.title()).isEqualTo("Call Bob about gifts");
		assertThat(parsed.parts(Kind.DUE)).extracting(RecognisedPart::text, RecognisedPart::label)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("on Dec 24", "Thu 24 Dec"),
					org.assertj.core.groups.Tuple.tuple("at 5pm", "17:00"));
	}

	@Test
	void removingAPartQuotesItSoItBecomesTitleAgain() {
		ParsedTask parsed = parser.parse("Read November rain tomorrow p2", BERLIN);
		RecognisedPart due = parsed.parts(Kind.DUE).get(0);

		ParsedTask without = parsed.without(due);

		assertThat(without.title()).isEqualTo("Read November rain tomorrow");
		assertThat(without.due()).isNull();
		assertThat(without.priority()).isEqualTo(Priority.MEDIUM);
		assertThat(without.text()).isEqualTo("Read November rain \"tomorrow\" p2");
		assertThat(without.parts()).extracting(RecognisedPart::kind).containsExactly(Kind.PRIORITY);
	}

	@Test
	void aLineThatIsOnlyPhrasesIsItsOwnTitleRatherThanAnEmptyOne() {
		ParsedTask parsed = parser.parse("tomorrow p1", BERLIN);

		assertThat(parsed.title()).isEqualTo("tomorrow p1");
		assertThat(parsed.due()).isNull();
		assertThat(parsed.parts()).isEmpty();
	}

	@Test
	void theDraftCarriesTheFieldsAndAnEmptyLineIsRefusedAsATitle() {
		TaskDraft draft = parser.parse("Pay rent every month on the 1st #home p2 remind me 1 day before", BERLIN).toDraft();

		assertThat(draft.title()).isEqualTo("Pay rent");
		assertThat(draft.description()).isNull();
		assertThat(draft.due()).isEqualTo(Due.allDay(LocalDate.of(2026, 12, 1)));
		assertThat(draft.tags()).containsExactly("home");
		assertThat(draft.recurrence().rrule()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=1");
		assertThat(draft.reminders()).hasSize(1);
		assertThatThrownBy(() -> parser.parse("   ", BERLIN).toDraft()).isInstanceOf(InvalidInput.class);
	}

	@Test
	void aPhraseThatIsOnlyADateReadsAsADue() {
		assertThat(parser.parseDue("next Tuesday 5pm", BERLIN))
			.contains(Due.at(OffsetDateTime.parse("2026-12-01T17:00+01:00")));
		assertThat(parser.parseDue("2026-12-01", BERLIN)).contains(Due.allDay(LocalDate.of(2026, 12, 1)));
		assertThat(parser.parseDue("2026-12-01T09:00:00+05:30", BERLIN))
			.contains(Due.at(OffsetDateTime.parse("2026-12-01T09:00:00+05:30")));
		assertThat(parser.parseDue("  tomorrow  ", BERLIN)).contains(Due.allDay(LocalDate.of(2026, 11, 29)));
		assertThat(parser.parseDue("on Dec 24 at noon", BERLIN))
			.contains(Due.at(OffsetDateTime.parse("2026-12-24T12:00+01:00")));
	}

	@Test
	void aPhraseWithAnythingButADateIsNoDue() {
		assertThat(parser.parseDue("tomorrow buy milk", BERLIN)).isEmpty();
		assertThat(parser.parseDue("hello", BERLIN)).isEmpty();
		assertThat(parser.parseDue("\"tomorrow\"", BERLIN)).isEmpty();
		assertThat(parser.parseDue("tomorrow p1", BERLIN)).isEmpty();
		assertThat(parser.parseDue("", BERLIN)).isEmpty();
		assertThat(parser.parseDue(null, BERLIN)).isEmpty();
	}

	@Test
	void rangesAreInclusiveDaysWithWeeksFromMondayToSunday() {
		LocalDate today = LocalDate.of(2026, 11, 28);
		assertThat(parser.parseRange("today", BERLIN)).contains(DateRange.day(today));
		assertThat(parser.parseRange("tomorrow", BERLIN)).contains(DateRange.day(today.plusDays(1)));
		assertThat(parser.parseRange("yesterday", BERLIN)).contains(DateRange.day(today.minusDays(1)));
		assertThat(parser.parseRange("this week", BERLIN))
			.contains(new DateRange(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
		assertThat(parser.parseRange("next week", BERLIN))
			.contains(new DateRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)));
		assertThat(parser.parseRange("next 7 days", BERLIN)).contains(new DateRange(today, LocalDate.of(2026, 12, 4)));
		assertThat(parser.parseRange("the last 3 days", BERLIN))
			.contains(new DateRange(LocalDate.of(2026, 11, 26), today));
		assertThat(parser.parseRange("this weekend", BERLIN)).contains(new DateRange(today, today.plusDays(1)));
		assertThat(parser.parseRange("this month", BERLIN))
			.contains(new DateRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
		assertThat(parser.parseRange("Dec 24", BERLIN)).contains(DateRange.day(LocalDate.of(2026, 12, 24)));
		assertThat(parser.parseRange("overdue", BERLIN)).isEmpty();
		assertThat(parser.parseRange("buy milk", BERLIN)).isEmpty();
	}

	@Test
	void theSameWordsMeanTheSameDayInTheUsersZone() {
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		// 10:00 in Berlin is 18:00 in Tokyo: "at 5pm" has passed there, so it is tomorrow's
		assertThat(parser.parse("Call at 5pm", tokyo).due())
			.isEqualTo(Due.at(OffsetDateTime.parse("2026-11-29T17:00+09:00")));
		assertThat(parser.parse("Call at 5pm", BERLIN).due())
			.isEqualTo(Due.at(OffsetDateTime.parse("2026-11-28T17:00+01:00")));
	}

	@Test
	void aVeryLongLineIsTakenLiterally() {
		String longLine = "tomorrow " + "word ".repeat(300);
		ParsedTask parsed = parser.parse(longLine, BERLIN);

		assertThat(parsed.parts()).isEmpty();
		assertThat(parsed.title()).startsWith("tomorrow word");
		assertThat(parsed.due()).isNull();
	}
}
