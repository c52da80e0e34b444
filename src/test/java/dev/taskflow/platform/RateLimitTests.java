package dev.taskflow.platform;

import java.time.Duration;

import dev.taskflow.support.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests {

	private final MovableClock clock = new MovableClock();

	@Test
	void aKeyMayTakeItsBurstThenWaitsForTheNextPermit() {
		RateLimit limit = new RateLimit(3, Duration.ofMinutes(3), clock, 100);

		assertThat(limit.tryAcquire("10.0.0.1")).isEmpty();
		assertThat(limit.tryAcquire("10.0.0.1")).isEmpty();
		assertThat(limit.tryAcquire("10.0.0.1")).isEmpty();
		assertThat(limit.tryAcquire("10.0.0.1")).hasValue(Duration.ofMinutes(1));

		clock.advance(Duration.ofSeconds(30));
		assertThat(limit.tryAcquire("10.0.0.1")).hasValue(Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(30));
		assertThat(limit.tryAcquire("10.0.0.1")).isEmpty();
		assertThat(limit.tryAcquire("10.0.0.1")).isPresent();
	}

	@Test
	void keysAreCountedApart() {
		RateLimit limit = new RateLimit(1, Duration.ofHours(1), clock, 100);

		assertThat(limit.tryAcquire("10.0.0.1")).isEmpty();
		assertThat(limit.tryAcquire("10.0.0.1")).isPresent();
		assertThat(limit.tryAcquire("10.0.0.2")).isEmpty();
	}

	@Test
	void refusedAttemptsDoNotPushTheNextPermitFurtherAway() {
		RateLimit limit = new RateLimit(1, Duration.ofMinutes(1), clock, 100);
		limit.tryAcquire("a");
		for (int i = 0; i < 10; i++) {
			limit.tryAcquire("a");
		}

		clock.advance(Duration.ofMinutes(1));

		assertThat(limit.tryAcquire("a")).isEmpty();
	}

	@Test
	void theNumberOfRememberedKeysStaysBounded() {
		RateLimit limit = new RateLimit(2, Duration.ofMinutes(1), clock, 10);
		for (int i = 0; i < 1000; i++) {
			limit.tryAcquire("10.0." + i / 256 + "." + i % 256);
			assertThat(limit.trackedKeys()).isLessThanOrEqualTo(11);
		}
	}
}
