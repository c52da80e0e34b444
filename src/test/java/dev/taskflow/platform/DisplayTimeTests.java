package dev.taskflow.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTimeTests {

	private static final Instant NOW = Instant.parse("2026-11-28T16:00:00Z");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void daysNearTodayAreNamedOthersWrittenWithTheYearOnlyWhenItDiffers() {
		LocalDate today = LocalDate.parse("2026-11-28");

		assertThat(DisplayTime.day(today, today)).isEqualTo("Today");
		assertThat(DisplayTime.day(today.plusDays(1), today)).isEqualTo("Tomorrow");
		assertThat(DisplayTime.day(today.minusDays(1), today)).isEqualTo("Yesterday");
		assertThat(DisplayTime.day(LocalDate.parse("2026-12-04"), today)).isEqualTo("Fri 4 Dec");
		assertThat(DisplayTime.day(LocalDate.parse("2030-01-07"), today)).isEqualTo("Mon 7 Jan 2030");
		assertThat(DisplayTime.date(today, today)).isEqualTo("Sat 28 Nov");
	}

	@Test
	void aMomentIsWrittenInTheReadersZoneOnATwentyFourHourClockWithoutSeconds() {
		assertThat(DisplayTime.moment(Instant.parse("2026-11-28T08:30:59Z"), BERLIN, NOW)).isEqualTo("Today, 09:30");
		assertThat(DisplayTime.moment(Instant.parse("2026-11-28T23:15:00Z"), BERLIN, NOW)).isEqualTo("Tomorrow, 00:15");
		assertThat(DisplayTime.moment(Instant.parse("2026-11-28T23:15:00Z"), ZoneId.of("UTC"), NOW))
			.isEqualTo("Today, 23:15");
		assertThat(DisplayTime.moment(Instant.parse("2025-03-02T17:05:00Z"), BERLIN, NOW))
			.isEqualTo("Sun 2 Mar 2025, 18:05");
	}

	@Test
	void inASentenceTheNamedDaysAreLowerCaseAndWeekdaysKeepTheirCapital() {
		assertThat(DisplayTime.inSentence("Tomorrow, 00:15")).isEqualTo("tomorrow, 00:15");
		assertThat(DisplayTime.inSentence("Today")).isEqualTo("today");
		assertThat(DisplayTime.inSentence("Yesterday")).isEqualTo("yesterday");
		assertThat(DisplayTime.inSentence("Fri 4 Dec, 09:30")).isEqualTo("Fri 4 Dec, 09:30");
	}
}
