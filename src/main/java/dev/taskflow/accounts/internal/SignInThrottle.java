package dev.taskflow.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per e-mail address and per client address, with exponential back-off
 * instead of a lock: after {@code maxFailedSignIns} wrong passwords in a row for one e-mail the next
 * attempt must wait {@code signInBackOff} (1 s), then twice that, four times … up to {@code lockout}; a client address gets the same after
 * {@code maxFailedSignInsPerAddress} failures, whatever e-mails it tries. A correct password ends the
 * e-mail's back-off.
 *
 * <p>A password check {@linkplain #begin(String, String) takes a place} before it runs and counts as a
 * failure until it has an answer, so guesses sent at the same instant cannot all be checked before the
 * first wrong one is counted: beyond the limit, only one attempt at a time is checked.
 *
 * <p>It counts an e-mail whether or not it belongs to an account, so its answers do not reveal which
 * addresses are registered; and nobody can lock an owner out for long by guessing from elsewhere: the
 * waits are short at first and the owner can always reset their password by e-mail. State is kept in
 * memory per process (bounded, forgotten after {@code lockout} of quiet).
 */
@Component
class SignInThrottle {

	private static final int MAX_TRACKED = 100_000;

	/**
	 * @param count wrong passwords in a row
	 * @param checking attempts let through whose password is being checked right now
	 */
	private record Failures(int count, int checking, Instant last, Instant nextAllowed) {

		static Failures none(Instant now) {
			return new Failures(0, 0, now, now);
		}

		/** Whether one more attempt may be checked now, counting those still being checked as failed. */
		boolean admits(int allowed, Instant now) {
			return !nextAllowed.isAfter(now) && (checking == 0 || count + checking < allowed);
		}

		/** No failures any more; checks under way stay counted. */
		Failures cleared(Instant now) {
			return new Failures(0, checking, last, now);
		}

		Failures withChecking(int change) {
			return new Failures(count, checking + change, last, nextAllowed);
		}
	}

	/** The attempt must wait this long before its password is checked. */
	static final class MustWait extends RuntimeException {

		private final Duration wait;

		private MustWait(Duration wait) {
			super("Too many failed password checks", null, false, false);
			this.wait = wait;
		}

		Duration waitFor() {
			return wait;
		}
	}

	/**
	 * One password check let through; whoever checks records how it went with {@link #succeeded()} or
	 * {@link #failed()}, and calls {@link #release()} in a {@code finally}, which gives back the place of
	 * a check that broke off (the database out of reach) without counting it.
	 */
	final class Attempt {

		private final String email;

		private final String address;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Attempt(String email, String address) {
			this.email = email;
			this.address = address;
		}

		/** The right password: ends the e-mail's back-off. */
		void succeeded() {
			if (ended.compareAndSet(false, true)) {
				Instant now = clock.instant();
				settle(byEmail, email, previous -> previous.cleared(now).withChecking(-1));
				settle(byAddress, address, previous -> previous.withChecking(-1));
			}
		}

		void failed() {
			if (ended.compareAndSet(false, true)) {
				Instant now = clock.instant();
				settle(byEmail, email, previous -> counted(previous, properties.maxFailedSignIns(), now));
				settle(byAddress, address, previous -> counted(previous, properties.maxFailedSignInsPerAddress(), now));
				forgetQuietOnesIfTooMany(now);
			}
		}

		/** Gives back the attempt's place without counting it, unless it already succeeded or failed. */
		void release() {
			if (ended.compareAndSet(false, true)) {
				settle(byEmail, email, previous -> previous.withChecking(-1));
				settle(byAddress, address, previous -> previous.withChecking(-1));
			}
		}
	}

	private final Map<String, Failures> byEmail = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final AccountsProperties properties;

	private final Clock clock;

	SignInThrottle(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes a place for checking one password of {@code email} from {@code address}.
	 * @throws MustWait when the e-mail or the address is backing off, or has as many checks under way as
	 * it has failures left; the password is not even checked then
	 */
	Attempt begin(String email, String address) {
		Instant now = clock.instant();
		String emailKey = key(email);
		Optional<Duration> wait = admit(byEmail, emailKey, properties.maxFailedSignIns(), now);
		if (wait.isEmpty()) {
			wait = admit(byAddress, address, properties.maxFailedSignInsPerAddress(), now);
			if (wait.isPresent()) {
				settle(byEmail, emailKey, previous -> previous.withChecking(-1));
			}
		}
		if (wait.isPresent()) {
			throw new MustWait(wait.get());
		}
		return new Attempt(emailKey, address);
	}

	/** The owner proved who they are another way (a password-reset link): ends the e-mail's back-off. */
	void endBackOff(String email) {
		Instant now = clock.instant();
		settle(byEmail, key(email), previous -> previous.cleared(now));
	}

	/** Takes a place under {@code key} if it admits one more check: empty then, else how long to wait. */
	private Optional<Duration> admit(Map<String, Failures> failures, String key, int allowed, Instant now) {
		Duration[] wait = new Duration[1];
		failures.compute(key, (k, previous) -> {
			Failures current = previous == null || isForgotten(previous, now) ? Failures.none(now) : previous;
			if (current.admits(allowed, now)) {
				return current.withChecking(1);
			}
			wait[0] = current.nextAllowed().isAfter(now) ? Duration.between(now, current.nextAllowed())
					: backOff(current.count() + current.checking() - allowed);
			return previous;
		});
		return Optional.ofNullable(wait[0]);
	}

	/** Changes the entry of an attempt under way (which keeps it from being forgotten), dropping it once it says nothing. */
	private void settle(Map<String, Failures> failures, String key, UnaryOperator<Failures> change) {
		failures.computeIfPresent(key, (k, previous) -> {
			Failures settled = change.apply(previous);
			return settled.count() == 0 && settled.checking() == 0 ? null : settled;
		});
	}

	private Failures counted(Failures previous, int allowed, Instant now) {
		int count = previous.count() + 1;
		Instant nextAllowed = count < allowed ? now : now.plus(backOff(count - allowed));
		return new Failures(count, previous.checking() - 1, now, nextAllowed);
	}

	private void forgetQuietOnesIfTooMany(Instant now) {
		for (Map<String, Failures> failures : List.of(byEmail, byAddress)) {
			if (failures.size() > MAX_TRACKED) {
				failures.values().removeIf(entry -> isForgotten(entry, now));
			}
		}
	}

	/** The back-off for the first failure over the limit, doubling, at most {@code lockout}. */
	private Duration backOff(int beyond) {
		Duration wait = properties.signInBackOff().multipliedBy(1L << Math.min(Math.max(beyond, 0), 30));
		return wait.compareTo(properties.lockout()) > 0 ? properties.lockout() : wait;
	}

	private boolean isForgotten(Failures failures, Instant now) {
		return failures.checking() == 0 && failures.last().plus(properties.lockout()).isBefore(now)
				&& !failures.nextAllowed().isAfter(now);
	}

	private static String key(String email) {
		return email == null ? "" : AccountInputRules.normalizeEmail(email);
	}
}
