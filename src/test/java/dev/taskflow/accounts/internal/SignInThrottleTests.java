package dev.taskflow.accounts.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.taskflow.support.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final MovableClock clock = new MovableClock();

	private final SignInThrottle throttle = new SignInThrottle(
			new AccountsProperties(3, Duration.ofMinutes(15), Set.of(), null, null, null, 5, Duration.ofSeconds(1)),
			clock);

	@Test
	void afterTheAllowedFailuresEachFurtherOneDoublesTheWaitUpToTheCap() {
		fail("ann@example.com", "10.0.0.1", 3);
		assertThat(waitBefore("ann@example.com", "10.0.0.2")).hasValue(Duration.ofSeconds(1));

		clock.advance(Duration.ofSeconds(1));
		assertThat(waitBefore("ann@example.com", "10.0.0.2")).isEmpty();
		fail("ann@example.com", "10.0.0.2", 1);
		assertThat(waitBefore("Ann@Example.com ", "10.0.0.3")).hasValue(Duration.ofSeconds(2));

		for (int i = 0; i < 20; i++) {
			clock.advance(waitBefore("ann@example.com", "10.0.1." + i).orElse(Duration.ZERO));
			fail("ann@example.com", "10.0.1." + i, 1);
		}
		assertThat(waitBefore("ann@example.com", "10.0.0.99")).hasValue(Duration.ofMinutes(15));
	}

	@Test
	void theRightPasswordEndsTheBackOffForThatEmail() {
		fail("ann@example.com", "10.0.0.1", 3);
		clock.advance(Duration.ofSeconds(1));

		throttle.begin("ann@example.com", "10.0.0.1").succeeded();
		fail("ann@example.com", "10.0.0.1", 1);

		assertThat(waitBefore("ann@example.com", "10.0.0.1")).isEmpty();
	}

	@Test
	void oneAddressGuessingManyEmailsIsSlowedDownForEveryEmailButOthersAreNot() {
		for (int i = 0; i < 5; i++) {
			fail("user" + i + "@example.com", "10.6.6.6", 1);
		}

		assertThat(waitBefore("someone-else@example.com", "10.6.6.6")).hasValue(Duration.ofSeconds(1));
		assertThat(waitBefore("someone-else@example.com", "10.0.0.1")).isEmpty();
	}

	@Test
	void failuresAreForgottenAfterAQuietSpell() {
		fail("ann@example.com", "10.0.0.1", 2);
		clock.advance(Duration.ofMinutes(16));

		fail("ann@example.com", "10.0.0.1", 1);

		assertThat(waitBefore("ann@example.com", "10.0.0.1")).isEmpty();
	}

	@Test
	void checksUnderWayCountAsFailuresUntilTheyHaveAnAnswer() {
		SignInThrottle.Attempt first = throttle.begin("ann@example.com", "10.0.0.1");
		throttle.begin("ann@example.com", "10.0.0.2");
		throttle.begin("ann@example.com", "10.0.0.3");

		assertThat(waitBefore("ann@example.com", "10.0.0.4")).hasValue(Duration.ofSeconds(1));

		first.succeeded();
		assertThat(waitBefore("ann@example.com", "10.0.0.4")).isEmpty();
	}

	@Test
	void pastTheLimitOnlyOneCheckRunsAtATime() {
		fail("ann@example.com", "10.0.0.1", 3);
		clock.advance(Duration.ofSeconds(1));

		SignInThrottle.Attempt checking = throttle.begin("ann@example.com", "10.0.0.1");

		assertThat(waitBefore("ann@example.com", "10.0.0.2")).hasValue(Duration.ofSeconds(2));
		checking.failed();
		assertThat(waitBefore("ann@example.com", "10.0.0.2")).hasValue(Duration.ofSeconds(2));
	}

	@Test
	void aCheckThatBrokeOffGivesItsPlaceBackWithoutCounting() {
		fail("ann@example.com", "10.0.0.1", 2);

		SignInThrottle.Attempt brokeOff = throttle.begin("ann@example.com", "10.0.0.1");
		brokeOff.release();
		brokeOff.failed();

		assertThat(waitBefore("ann@example.com", "10.0.0.1")).isEmpty();
	}

	@Test
	void anAttemptRefusedForItsAddressHoldsNoPlaceForItsEmail() {
		for (int i = 0; i < 5; i++) {
			fail("user" + i + "@example.com", "10.6.6.6", 1);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(waitBefore("ann@example.com", "10.6.6.6")).isPresent();
		}

		fail("ann@example.com", "10.0.0.1", 2);

		assertThat(waitBefore("ann@example.com", "10.0.0.1")).isEmpty();
	}

	/** How long an attempt would have to wait now; one let through gives its place back at once. */
	private Optional<Duration> waitBefore(String email, String address) {
		try {
			throttle.begin(email, address).release();
			return Optional.empty();
		}
		catch (SignInThrottle.MustWait ex) {
			return Optional.of(ex.waitFor());
		}
	}

	private void fail(String email, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.begin(email, address).failed();
		}
	}
}
