package dev.taskflow.reminders.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.taskflow.eventing.EventBody;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.ScheduledJobs;
import dev.taskflow.eventing.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps one Dapr job per pending reminder (Dapr mode, role {@code reminders}): a task event that
 * carries unsent reminders schedules a job for each future one and fires those already due; a
 * completed or deleted task's jobs are cancelled. Jobs of reminders that moved are left alone: their
 * callback finds nothing to fire. If the Jobs API fails, the {@code reminder-cron} sweep fires the
 * reminder instead, only later.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprReminderJobs implements EventConsumer {

	private static final Logger log = LoggerFactory.getLogger(DaprReminderJobs.class);

	/** Events after which a task's pending reminders need jobs. */
	private static final Set<String> SCHEDULING = Set.of("task.created", "task.updated", "task.reopened", "task.restored");

	/** Events after which a task's jobs are no longer wanted. */
	private static final Set<String> CANCELLING = Set.of("task.completed", "task.deleted");

	private final ScheduledJobs jobs;

	private final ReminderFiring firing;

	private final Clock clock;

	DaprReminderJobs(ScheduledJobs jobs, ReminderFiring firing, Clock clock) {
		this.jobs = jobs;
		this.firing = firing;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "reminder-jobs";
	}

	@Override
	public String role() {
		return ReminderFiring.ROLE;
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.TASK_EVENTS);
	}

	/** Only checks the event, so a malformed one is dead-lettered; the work comes after commit. */
	@Override
	public void handle(EventEnvelope event) {
		if (SCHEDULING.contains(event.type()) || CANCELLING.contains(event.type())) {
			TaskReminders.of(event.body());
		}
	}

	/**
	 * Calls the Jobs API (and fires what is already due) with the delivery's connection given back: a
	 * sidecar that takes its time holds the delivery, not a connection the requests need. A process that
	 * stops before this, or a call that fails, leaves the reminder to the {@code reminder-cron} sweep.
	 */
	@Override
	public void afterCommit(EventEnvelope event) {
		if (SCHEDULING.contains(event.type())) {
			schedule(TaskReminders.of(event.body()));
		}
		else if (CANCELLING.contains(event.type())) {
			cancel(TaskReminders.of(event.body()));
		}
	}

	private void schedule(TaskReminders task) {
		Instant now = clock.instant();
		for (int position = 0; position < task.unsentRemindAt().size(); position++) {
			Instant remindAt = task.unsentRemindAt().get(position);
			if (remindAt == null) {
				continue;
			}
			ReminderJob job = ReminderJob.of(task.taskId(), position, remindAt);
			if (!remindAt.isAfter(now)) {
				firing.fire(job);
				continue;
			}
			try {
				jobs.schedule(job.name(), remindAt, job.data(remindAt));
			}
			catch (ScheduledJobs.Unavailable ex) {
				log.warn("No Dapr job for the reminder of task {} at {}; the reminder-cron sweep will fire it: {}",
						task.taskId(), remindAt, ex.getMessage());
			}
		}
	}

	private void cancel(TaskReminders task) {
		Instant now = clock.instant();
		for (int position = 0; position < task.unsentRemindAt().size(); position++) {
			Instant remindAt = task.unsentRemindAt().get(position);
			if (remindAt == null || !remindAt.isAfter(now)) {
				continue;
			}
			String name = ReminderJob.of(task.taskId(), position, remindAt).name();
			try {
				jobs.cancel(name);
			}
			catch (ScheduledJobs.Unavailable ex) {
				log.warn("Could not cancel Dapr job {}; it will find nothing to fire: {}", name, ex.getMessage());
			}
		}
	}

	/**
	 * What a task event says about the task's reminders: by position (which job names carry), when each
	 * fires if it has not yet; null for a sent one or an undated relative one.
	 */
	private record TaskReminders(long taskId, List<Instant> unsentRemindAt) {

		static TaskReminders of(EventBody body) {
			List<Instant> unsent = new ArrayList<>();
			for (EventBody reminder : body.requiredObject("task").objects("reminders")) {
				Instant remindAt = reminder.optionalInstant("remind_at");
				unsent.add(reminder.requiredBoolean("sent") ? null : remindAt);
			}
			return new TaskReminders(body.requiredPositiveLong("task_id"), unsent);
		}
	}
}
