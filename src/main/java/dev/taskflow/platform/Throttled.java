package dev.taskflow.platform;

import java.time.Duration;

/**
 * A request refused because a limit was reached: 429 when it is the caller's own limit (one address,
 * one account), 503 when the service as a whole is at its limit. Either way the answer says when to
 * try again ({@code Retry-After}).
 */
public class Throttled extends RuntimeException {

	private final Duration retryAfter;

	private final boolean serviceWide;

	private Throttled(String message, Duration retryAfter, boolean serviceWide) {
		super(message);
		this.retryAfter = retryAfter;
		this.serviceWide = serviceWide;
	}

	/** The caller (an address, an account) has used up its share: 429. */
	public static Throttled caller(String message, Duration retryAfter) {
		return new Throttled(message, retryAfter, false);
	}

	/** Everyone together has used up the service's capacity: 503. */
	public static Throttled serviceWide(String message, Duration retryAfter) {
		return new Throttled(message, retryAfter, true);
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	public boolean serviceWide() {
		return serviceWide;
	}

	/** Whole seconds, at least one, as {@code Retry-After} wants them. */
	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}
}
