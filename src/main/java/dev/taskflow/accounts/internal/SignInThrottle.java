package dev.taskflow.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per e-mail address and per client address, with exponential back-off
 * instead of a lock: after {@code maxFailedSignIns} wrong passwords in a row for one e-mail the next
 * attempt must wait {@code signInBackOff} (1 s), then twice that, four times … up to {@code lockout}; a client address gets the same after
 * {@code maxFailedSignInsPerAddress} failures, whatever e-mails it tries. A correct password ends the
 * e-mail's back-off.
 *
 * <p>It counts an e-mail whether or not it belongs to an account, so its answers do not reveal which
 * addresses are registered; and nobody can lock an owner out for long by guessing from elsewhere: the
 * waits are short at first and the owner can always reset their password by e-mail. State is kept in
 * memory per process (bounded, forgotten after {@code lockout} of quiet).
 */
@Component
class SignInThrottle {

	private static final int MAX_TRACKED = 100_000;

	private record Failures(int count, Instant last, Instant nextAllowed) {
	}

	private final Map<String, Failures> byEmail = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final AccountsProperties properties;

	private final Clock clock;

	SignInThrottle(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long this attempt must wait, if it must; its password is not even checked then. */
	Optional<Duration> waitBefore(String email, String address) {
		Instant now = clock.instant();
		Instant until = later(allowedAt(byEmail.get(key(email))), allowedAt(byAddress.get(address)));
		return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	void failed(String email, String address) {
		Instant now = clock.instant();
		count(byEmail, key(email), properties.maxFailedSignIns(), now);
		count(byAddress, address, properties.maxFailedSignInsPerAddress(), now);
	}

	void succeeded(String email) {
		byEmail.remove(key(email));
	}

	private void count(Map<String, Failures> failures, String key, int allowed, Instant now) {
		failures.compute(key, (k, previous) -> {
			int count = previous == null || isForgotten(previous, now) ? 1 : previous.count() + 1;
			Instant nextAllowed = count < allowed ? now : now.plus(backOff(count - allowed));
			return new Failures(count, now, nextAllowed);
		});
		if (failures.size() > MAX_TRACKED) {
			failures.values().removeIf(entry -> isForgotten(entry, now));
		}
	}

	/** The back-off for the first failure over the limit, doubling, at most {@code lockout}. */
	private Duration backOff(int beyond) {
		Duration wait = properties.signInBackOff().multipliedBy(1L << Math.min(beyond, 30));
		return wait.compareTo(properties.lockout()) > 0 ? properties.lockout() : wait;
	}

	private boolean isForgotten(Failures failures, Instant now) {
		return failures.last().plus(properties.lockout()).isBefore(now) && !failures.nextAllowed().isAfter(now);
	}

	private static Instant allowedAt(Failures failures) {
		return failures == null ? Instant.MIN : failures.nextAllowed();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static String key(String email) {
		return email == null ? "" : AccountInputRules.normalizeEmail(email);
	}
}
