package dev.taskflow.accounts.internal;

import java.time.Clock;

import dev.taskflow.platform.RateLimit;
import dev.taskflow.platform.Throttled;
import org.springframework.stereotype.Component;

/**
 * Limits sign-ups per client address and in all, so nobody can create accounts by the thousand (each
 * account brings its own share of live streams, tokens and storage). Both the API and the sign-up page
 * ask it before registering.
 */
@Component
public class SignUpThrottle {

	/** Addresses remembered at most; see {@link RateLimit}. */
	private static final int MAX_ADDRESSES = 100_000;

	private final RateLimit perAddress;

	private final RateLimit overall;

	SignUpThrottle(AccountsProperties properties, Clock clock) {
		this.perAddress = new RateLimit(properties.signUpsPerAddress(), properties.signUpWindow(), clock,
				MAX_ADDRESSES);
		this.overall = new RateLimit(properties.signUpsPerMinute(), java.time.Duration.ofMinutes(1), clock, 1);
	}

	/** @throws Throttled (429) when this address, (503) when everyone together, signed up too often */
	public void check(String clientAddress) {
		perAddress.tryAcquire(clientAddress).ifPresent(wait -> {
			throw Throttled.caller("Too many sign-ups from your address; try again later.", wait);
		});
		overall.tryAcquire("all").ifPresent(wait -> {
			throw Throttled.serviceWide("Too many sign-ups right now; try again in a minute.", wait);
		});
	}
}
