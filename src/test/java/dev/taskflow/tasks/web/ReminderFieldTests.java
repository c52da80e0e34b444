package dev.taskflow.tasks.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Reminder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder row's rules, without Spring: the user's time zone, units, and what an unchanged row may keep. */
class ReminderFieldTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");

	private static final Due DUE = Due.allDay(LocalDate.parse("2030-04-01"));

	@Test
	void aTimeIsReadInTheUsersZoneAndShownBackTheSame() {
		ReminderField row = new ReminderField("at", "2030-03-30", "18:00", "", "minutes");

		Optional<Reminder.Spec> spec = row.spec(BERLIN, null, NOW, List.of(), "reminders[0]", new FieldErrors());

		assertThat(spec).contains(new Reminder.Spec(Instant.parse("2030-03-30T17:00:00Z"), null));
		assertThat(ReminderField.of(new Reminder(spec.get().at(), null, spec.get().at(), null), BERLIN))
			.isEqualTo(new ReminderField("at", "2030-03-30", "18:00", "", "minutes"));
	}

	@Test
	void aLeadTimeIsReadInItsUnitAndShownInTheLargestWholeOne() {
		FieldErrors errors = new FieldErrors();
		assertThat(new ReminderField("before", "", "", "90", "minutes").spec(BERLIN, DUE, NOW, List.of(), "r", errors))
			.contains(new Reminder.Spec(null, Duration.ofMinutes(90)));
		assertThat(errors.isEmpty()).isTrue();

		assertThat(shown(Duration.ofMinutes(90))).isEqualTo(List.of("90", "minutes"));
		assertThat(shown(Duration.ofHours(3))).isEqualTo(List.of("3", "hours"));
		assertThat(shown(Duration.ofDays(2))).isEqualTo(List.of("2", "days"));
		assertThat(shown(Duration.ofSeconds(45))).as("set through the API").isEqualTo(List.of("45", "seconds"));
		assertThat(shown(Duration.ZERO)).isEqualTo(List.of("0", "minutes"));
	}

	@Test
	void aReminderAlreadyOnTheTaskKeepsATimeThatHasPassedOrALeadOfZero() {
		ReminderField past = new ReminderField("at", "2030-02-01", "08:00", "", "minutes");
		Reminder.Spec pastSpec = new Reminder.Spec(Instant.parse("2030-02-01T07:00:00Z"), null);
		ReminderField atDue = new ReminderField("before", "", "", "0", "minutes");
		Reminder.Spec atDueSpec = new Reminder.Spec(null, Duration.ZERO);

		FieldErrors fresh = new FieldErrors();
		assertThat(past.spec(BERLIN, DUE, NOW, List.of(), "reminders[0]", fresh)).isEmpty();
		assertThat(atDue.spec(BERLIN, DUE, NOW, List.of(), "reminders[1]", fresh)).isEmpty();
		assertThat(fresh.isEmpty()).isFalse();

		FieldErrors kept = new FieldErrors();
		assertThat(past.spec(BERLIN, DUE, NOW, List.of(pastSpec), "reminders[0]", kept)).contains(pastSpec);
		assertThat(atDue.spec(BERLIN, DUE, NOW, List.of(atDueSpec), "reminders[1]", kept)).contains(atDueSpec);
		assertThat(kept.isEmpty()).isTrue();
	}

	@Test
	void rowsAreDescribedForComparisonLeavingEmptyOnesOut() {
		assertThat(ReminderField.describe(List.of(new ReminderField("at", "2030-03-30", "18:00", "", "minutes"),
				new ReminderField("before", "", "", "1", "days"), ReminderField.blank(true),
				new ReminderField("before", "", "", "30", "minutes"))))
			.isEqualTo("at 2030-03-30 18:00; 1 day before; 30 minutes before");
	}

	private static List<String> shown(Duration lead) {
		ReminderField row = ReminderField.of(new Reminder(null, lead, null, null), BERLIN);
		return List.of(row.amount(), row.unit());
	}
}
