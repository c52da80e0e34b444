package dev.taskflow.tasks.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes deleted tasks for good once their retention has passed. Their {@code task.deleted} event
 * went out when they were deleted, so purging publishes nothing: it is storage housekeeping. Safe to
 * run in every replica at once (a purged row is simply gone for the others).
 */
@Component
class TrashPurge {

	private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

	private final TaskRepository tasks;

	private final TasksProperties properties;

	private final Clock clock;

	TrashPurge(TaskRepository tasks, TasksProperties properties, Clock clock) {
		this.tasks = tasks;
		this.properties = properties;
		this.clock = clock;
	}

	/** Removes every task deleted longer ago than the retention; returns how many. */
	@Transactional
	public int purge() {
		int purged = tasks.purgeDeletedBefore(clock.instant().minus(properties.deletedRetention()));
		if (purged > 0) {
			log.info("Purged {} task(s) deleted more than {} ago", purged, properties.deletedRetention());
		}
		return purged;
	}

	/** Runs the purge on Spring's scheduler while the application runs. */
	@Component
	static class Schedule implements SmartLifecycle {

		private final TaskScheduler scheduler;

		private final TrashPurge purge;

		private final Duration interval;

		private volatile ScheduledFuture<?> running;

		Schedule(TaskScheduler scheduler, TrashPurge purge, TasksProperties properties) {
			this.scheduler = scheduler;
			this.purge = purge;
			this.interval = properties.purgeInterval();
		}

		@Override
		public void start() {
			PeriodicTrigger trigger = new PeriodicTrigger(interval);
			trigger.setInitialDelay(interval);
			running = scheduler.schedule(this::purgeQuietly, trigger);
		}

		private void purgeQuietly() {
			try {
				purge.purge();
			}
			catch (RuntimeException ex) {
				log.warn("Purging deleted tasks failed; trying again in {}", interval, ex);
			}
		}

		@Override
		public void stop() {
			ScheduledFuture<?> future = running;
			if (future != null) {
				future.cancel(false);
			}
			running = null;
		}

		@Override
		public boolean isRunning() {
			return running != null;
		}
	}
}
