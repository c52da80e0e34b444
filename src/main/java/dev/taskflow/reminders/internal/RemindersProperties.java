package dev.taskflow.reminders.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval the longest the embedded scheduler sleeps without looking for due reminders:
 * a safety net, since it normally wakes exactly when the next reminder is due
 */
@ConfigurationProperties("taskflow.reminders")
record RemindersProperties(Duration sweepInterval) {

	RemindersProperties {
		sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
		if (sweepInterval.isZero() || sweepInterval.isNegative()) {
			throw new IllegalArgumentException("taskflow.reminders.sweep-interval must be positive, was " + sweepInterval);
		}
	}
}
