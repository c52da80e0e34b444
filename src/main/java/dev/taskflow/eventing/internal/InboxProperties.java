package dev.taskflow.eventing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long the inbox remembers a processed event. It must be longer than any event can
 * still be redelivered (broker retries, a replay from a dead-letter topic): an event redelivered after
 * its entry is gone would be processed twice.
 * @param sweepInterval how often entries older than {@code retention} are deleted
 */
@ConfigurationProperties("taskflow.eventing.inbox")
record InboxProperties(Duration retention, Duration sweepInterval) {

	InboxProperties {
		retention = retention == null ? Duration.ofDays(30) : retention;
		sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
		if (retention.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException(
					"taskflow.eventing.inbox.retention must be at least 1h (longer than any redelivery), was " + retention);
		}
		if (sweepInterval.isNegative() || sweepInterval.isZero()) {
			throw new IllegalArgumentException("taskflow.eventing.inbox.sweep-interval must be positive");
		}
	}
}
