package dev.taskflow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory token bucket per key (a client address, an account, or one key for everybody): each
 * key may take {@code permits} at once and gets one back every {@code period / permits}. Small and
 * process-local on purpose: it protects this process, needs no shared store, and forgets everything
 * on restart, which is fine for abuse throttling.
 *
 * <p>Memory stays bounded: when more than {@code maxKeys} keys are tracked, keys whose bucket has
 * refilled are forgotten (they are indistinguishable from new ones), and if that is not enough the
 * whole table is dropped rather than growing without limit.
 */
public final class RateLimit {

	private record Bucket(double tokens, Instant at) {
	}

	private final int permits;

	private final Duration refillEach;

	private final Clock clock;

	private final int maxKeys;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public RateLimit(int permits, Duration period, Clock clock, int maxKeys) {
		if (permits < 1) {
			throw new IllegalArgumentException("permits must be at least 1");
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("period must be positive");
		}
		this.permits = permits;
		this.refillEach = period.dividedBy(permits).isZero() ? Duration.ofNanos(1) : period.dividedBy(permits);
		this.clock = clock;
		this.maxKeys = maxKeys;
	}

	/** Takes one permit for {@code key}: empty if granted, else how long until one is free. */
	public Optional<Duration> tryAcquire(String key) {
		Instant now = clock.instant();
		Duration[] wait = new Duration[1];
		buckets.compute(key, (k, bucket) -> {
			double tokens = available(bucket, now);
			if (tokens >= 1) {
				return new Bucket(tokens - 1, now);
			}
			wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) * refillEach.toNanos()));
			return new Bucket(tokens, now);
		});
		if (buckets.size() > maxKeys) {
			forgetRefilled(now);
		}
		return Optional.ofNullable(wait[0]);
	}

	/**
	 * Gives back a permit taken for {@code key} whose request turned out not to count (it was refused
	 * before it did anything): never more than {@code permits} in the bucket.
	 */
	public void release(String key) {
		Instant now = clock.instant();
		buckets.computeIfPresent(key, (k, bucket) -> new Bucket(Math.min(permits, available(bucket, now) + 1), now));
	}

	private double available(Bucket bucket, Instant now) {
		if (bucket == null) {
			return permits;
		}
		Duration elapsed = Duration.between(bucket.at(), now);
		double refilled = elapsed.isNegative() ? 0 : (double) elapsed.toNanos() / refillEach.toNanos();
		return Math.min(permits, bucket.tokens() + refilled);
	}

	private void forgetRefilled(Instant now) {
		buckets.entrySet().removeIf(entry -> available(entry.getValue(), now) >= permits);
		if (buckets.size() > maxKeys) {
			buckets.clear();
		}
	}

	/** How many keys are tracked now (for tests of the bound). */
	int trackedKeys() {
		return buckets.size();
	}
}
