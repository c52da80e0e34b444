package dev.taskflow.recurrence;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
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
}
