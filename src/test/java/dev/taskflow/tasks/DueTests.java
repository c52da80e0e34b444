package dev.taskflow.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DueTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void aDateIsAllDayInTheOwnersZoneAndOverdueOnlyAfterTheDay() {
		Due due = Due.parse("2026-12-01", BERLIN).orElseThrow();
		assertThat(due.allDay()).isTrue();
		assertThat(due.startsAt(BERLIN)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(due.overdueAt(BERLIN)).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
		assertThat(due.format()).isEqualTo("2026-12-01");
	}

	@Test
	void aDateTimeKeepsItsOffsetAndALocalOneTakesTheZones() {
		assertThat(Due.parse("2026-12-01T09:00:00+05:30", BERLIN).orElseThrow().format())
			.isEqualTo("2026-12-01T09:00:00+05:30");
		assertThat(Due.parse("2026-12-01T09:00:00Z", BERLIN).orElseThrow().format()).isEqualTo("2026-12-01T09:00:00Z");
		assertThat(Due.parse("2026-07-01T09:00", BERLIN).orElseThrow().format()).isEqualTo("2026-07-01T09:00:00+02:00");
		assertThat(Due.parse("2026-12-01T09:00:00-03:00", BERLIN).orElseThrow().startsAt(BERLIN))
			.isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
	}

	@Test
	void nonsenseIsNotADue() {
		assertThat(Due.parse("tomorrow", BERLIN)).isEmpty();
		assertThat(Due.parse("2026-02-30", BERLIN)).isEmpty();
		assertThat(Due.parse("2026-12-01T25:00:00Z", BERLIN)).isEmpty();
		assertThat(Due.parse("", BERLIN)).isEmpty();
	}

	@Test
	void leapDaysAreDates() {
		assertThat(Due.parse("2028-02-29", BERLIN).orElseThrow().date()).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void onlyTheYears1900To9999AndWholeMinuteOffsetsAreDues() {
		assertThat(Due.parse("1900-01-01", BERLIN)).isPresent();
		assertThat(Due.parse("9999-12-31T09:00:00Z", BERLIN)).isPresent();
		assertThat(Due.parse("1899-12-31", BERLIN)).isEmpty();
		assertThat(Due.parse("0000-01-01", BERLIN)).isEmpty();
		assertThat(Due.parse("1800-01-01T09:00:00", BERLIN)).isEmpty();
		assertThat(Due.parse("+1000000000-01-01", BERLIN)).isEmpty();
		assertThat(Due.parse("-999999999-01-01T00:00:00+18:00", BERLIN)).isEmpty();
		assertThat(Due.parse("9999-12-31T23:00:00-05:00", BERLIN)).as("the year 10000 in UTC").isEmpty();
		assertThat(Due.parse("2026-12-01T09:00:00+01:00:30", BERLIN)).isEmpty();
	}
}
