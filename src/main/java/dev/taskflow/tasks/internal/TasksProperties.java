package dev.taskflow.tasks.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param deletedRetention how long a deleted task stays in the trash, restorable, before the purge
 * removes it for good
 * @param purgeInterval how often the purge looks for tasks past their retention
 */
@ConfigurationProperties("taskflow.tasks")
record TasksProperties(Duration deletedRetention, Duration purgeInterval) {

	TasksProperties {
		deletedRetention = deletedRetention == null ? Duration.ofDays(30) : deletedRetention;
		purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
		if (deletedRetention.isNegative() || purgeInterval.isZero() || purgeInterval.isNegative()) {
			throw new IllegalArgumentException("taskflow.tasks.deleted-retention must not be negative and "
					+ "taskflow.tasks.purge-interval must be positive");
		}
	}
}
