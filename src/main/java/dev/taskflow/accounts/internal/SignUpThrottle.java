package dev.taskflow.accounts.internal;

import java.time.Clock;
import java.util.function.Supplier;

import dev.taskflow.platform.InvalidInput;
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

	/**
	 * Runs a sign-up from {@code clientAddress} if the limits allow it. A sign-up refused as invalid (a
	 * weak password, a malformed e-mail or time zone) creates nothing and does not count; every other
	 * attempt does, including one for an address that already has an account.
	 * @throws Throttled (429) when this address, (503) when everyone together, signed up too often
	 */
	public <T> T signUp(String clientAddress, Supplier<T> signUp) {
		perAddress.tryAcquire(clientAddress).ifPresent(wait -> {
			throw Throttled.caller("Too many sign-ups from your address; try again later.", wait);
		});
		overall.tryAcquire("all").ifPresent(wait -> {
			perAddress.release(clientAddress);
			throw Throttled.serviceWide("Too many sign-ups right now; try again in a minute.", wait);
		});
		try {
			return signUp.get();
		}
		catch (InvalidInput ex) {
			perAddress.release(clientAddress);
			overall.release("all");
			throw ex;
		}
	}
}
