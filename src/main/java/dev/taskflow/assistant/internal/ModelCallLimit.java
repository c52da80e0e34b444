package dev.taskflow.assistant.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.RateLimit;

/**
 * Each user's share of requests to the language model, per minute and per day, so one user cannot
 * spend the quota everybody shares. Kept per process, like the other throttles.
 */
final class ModelCallLimit {

	private static final int MAX_USERS = 100_000;

	private final RateLimit perMinute;

	private final RateLimit perDay;

	private final int minuteLimit;

	private final int dayLimit;

	ModelCallLimit(AssistantProperties properties, Clock clock) {
		this.minuteLimit = properties.modelCallsPerMinute();
		this.dayLimit = properties.modelCallsPerDay();
		this.perMinute = new RateLimit(minuteLimit, Duration.ofMinutes(1), clock, MAX_USERS);
		this.perDay = new RateLimit(dayLimit, Duration.ofDays(1), clock, MAX_USERS);
	}

	/**
	 * Takes one request from the user's share: empty if granted, else which limit was reached. The
	 * minute comes first, so a burst refused for the minute does not also use up the day.
	 */
	Optional<String> take(UUID userId) {
		if (perMinute.tryAcquire(userId.toString()).isPresent()) {
			return Optional.of(minuteLimit + " a minute");
		}
		if (perDay.tryAcquire(userId.toString()).isPresent()) {
			return Optional.of(dayLimit + " a day");
		}
		return Optional.empty();
	}
}
