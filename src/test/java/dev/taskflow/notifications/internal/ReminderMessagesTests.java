package dev.taskflow.notifications.internal;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderMessagesTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** 08:45 in Berlin on Tuesday, 1 December 2026. */
	private static final Instant NOW = Instant.parse("2026-12-01T07:45:00Z");

	@Test
	void aTimedTaskIsDueInSoManyMinutes() {
		assertThat(message("2026-12-01T09:00:00+01:00", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 15 minutes");
		assertThat(message("2026-12-01T08:46:00+01:00", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 1 minute");
	}

	@Test
	void aReminderHandledASecondLateStillSaysTheRoundLeadTime() {
		assertThat(message("2026-12-01T09:00:00+01:00", NOW.plusMillis(900)))
			.isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 15 minutes");
	}

	@Test
	void hoursAndMinutesWithinADay() {
		assertThat(message("2026-12-01T10:45:00+01:00", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 2 hours");
		assertThat(message("2026-12-01T10:15:00+01:00", NOW))
			.isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 1 hour 30 minutes");
	}

	@Test
	void aTaskDueAtTheReminderIsDueNow() {
		assertThat(message("2026-12-01T08:45:00+01:00", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due now");
		assertThat(message("2026-12-01T07:45:20Z", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due now");
	}

	@Test
	void anOverdueTaskWasDueSoLongAgo() {
		assertThat(message("2026-12-01T08:35:00+01:00", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' was due 10 minutes ago");
		assertThat(message("2026-12-01T05:45:00+01:00", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' was due 3 hours ago");
	}

	@Test
	void farAwayDueTimesAreSpokenAsADateInTheUsersZone() {
		assertThat(message("2026-12-03T17:30:00Z", NOW))
			.isEqualTo("Your task '\u2068Buy Milk\u2069' is due on Thursday, 3 December at 18:30");
		assertThat(message("2026-11-20T09:00:00+01:00", NOW))
			.isEqualTo("Your task '\u2068Buy Milk\u2069' was due on Friday, 20 November at 09:00");
		assertThat(message("2027-01-05T09:00:00+01:00", NOW))
			.isEqualTo("Your task '\u2068Buy Milk\u2069' is due on Tuesday, 5 January 2027 at 09:00");
	}

	@Test
	void anAllDayTaskIsDueTodayTomorrowOrOnADay() {
		assertThat(message("2026-12-01", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due today");
		assertThat(message("2026-12-02", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due tomorrow");
		assertThat(message("2026-11-30", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' was due yesterday");
		assertThat(message("2026-12-08", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' is due on Tuesday, 8 December");
		assertThat(message("2026-11-02", NOW)).isEqualTo("Your task '\u2068Buy Milk\u2069' was due on Monday, 2 November");
	}

	@Test
	void todayIsTheUsersToday() {
		Instant lateEveningInLosAngeles = Instant.parse("2026-12-02T06:00:00Z");
		assertThat(ReminderMessages.message("Buy Milk", "2026-12-01", lateEveningInLosAngeles,
				ZoneId.of("America/Los_Angeles")))
			.isEqualTo("Your task '\u2068Buy Milk\u2069' is due today");
		assertThat(message("2026-12-01", lateEveningInLosAngeles)).isEqualTo("Your task '\u2068Buy Milk\u2069' was due yesterday");
	}

	@Test
	void anUndatedTaskIsASimpleReminder() {
		assertThat(message(null, NOW)).isEqualTo("Reminder: your task '\u2068Buy Milk\u2069'");
	}

	@Test
	void aDueDateThatIsNeitherADateNorADateTimeIsRefused() {
		assertThatThrownBy(() -> message("next week", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> message("2026-12-01T09:00", NOW)).isInstanceOf(IllegalArgumentException.class);
	}

	private static String message(String dueAt, Instant now) {
		return ReminderMessages.message("Buy Milk", dueAt, now, BERLIN);
	}
}
