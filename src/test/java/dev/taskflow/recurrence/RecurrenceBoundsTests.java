package dev.taskflow.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules are checked in bounded time (a rule that made the check spin would hang this test) and within limits that keep working out the next instance cheap:
 * what lies outside is refused with a field error, never accepted to spin or wrap later.
 */
class RecurrenceBoundsTests {

	@ParameterizedTest
	@ValueSource(strings = { "FREQ=MONTHLY;INTERVAL=2147483647", "FREQ=DAILY;INTERVAL=2147483647",
			"FREQ=YEARLY;INTERVAL=999999", "FREQ=SECONDLY;INTERVAL=2147483647", "FREQ=SECONDLY", "FREQ=MINUTELY",
			"FREQ=DAILY;INTERVAL=1001", "FREQ=DAILY;COUNT=10001", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
			"FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-367", "FREQ=DAILY;UNTIL=20261301", "FREQ=DAILY;UNTIL=18000101",
			"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" })
	void aRuleOutsideTheLimitsIsRefusedQuicklyUnderItsField(String rule) {
		FieldErrors errors = new FieldErrors();
		assertThat(Recurrence.parse(rule, null, "recurrence", "recurrence_from", errors)).isEmpty();
		assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.problems()).extracting(problem -> problem.field()).containsOnly("recurrence"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "FREQ=HOURLY", "FREQ=DAILY;INTERVAL=1000", "FREQ=DAILY;COUNT=10000",
			"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=DAILY;UNTIL=20260131", "weekdays" })
	void aRuleWithinTheLimitsIsAccepted(String rule) {
		FieldErrors errors = new FieldErrors();
		assertThat(Recurrence.parse(rule, null, "recurrence", "recurrence_from", errors)).isPresent();
		assertThat(errors.isEmpty()).isTrue();
	}

	/** The completion toast and the form's preview end a series where its instances would pass 9999, as the consumer does. */
	@Test
	void noInstanceFallsDueAfterTheYear9999() {
		Recurrence yearly = Recurrence.parse("yearly", null, "recurrence", "recurrence_from", new FieldErrors()).orElseThrow();
		Recurrence daily = Recurrence.parse("daily", null, "recurrence", "recurrence_from", new FieldErrors()).orElseThrow();
		Instant completed = Instant.parse("2026-11-30T10:00:00Z");

		assertThat(yearly.nextAfter(Occurrence.allDay(LocalDate.of(9999, 12, 31)), null, completed, 1, ZoneOffset.UTC))
			.isEmpty();
		assertThat(daily.nextAfter(Occurrence.parse("9999-12-30T13:00:00-11:00"), null, completed, 1,
				ZoneId.of("Pacific/Pago_Pago"))).as("the next would be 10000-01-01 in UTC").isEmpty();
		assertThat(yearly.nextDates(LocalDate.of(9997, 6, 1), 5, ZoneOffset.UTC))
			.containsExactly(LocalDate.of(9998, 6, 1), LocalDate.of(9999, 6, 1));
	}
}
