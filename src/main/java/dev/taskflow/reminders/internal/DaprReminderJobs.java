package dev.taskflow.reminders.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.ScheduledJobs;
import dev.taskflow.eventing.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

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
			taskId(event.data());
			event.data().path("task").path("reminders").forEach(DaprReminderJobs::unsentRemindAt);
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
			schedule(event.data());
		}
		else if (CANCELLING.contains(event.type())) {
			cancel(event.data());
		}
	}

	private void schedule(JsonNode data) {
		long taskId = taskId(data);
		JsonNode reminders = data.path("task").path("reminders");
		Instant now = clock.instant();
		for (int position = 0; position < reminders.size(); position++) {
			Instant remindAt = unsentRemindAt(reminders.get(position));
			if (remindAt == null) {
				continue;
			}
			ReminderJob job = ReminderJob.of(taskId, position, remindAt);
			if (!remindAt.isAfter(now)) {
				firing.fire(job);
				continue;
			}
			try {
				jobs.schedule(job.name(), remindAt, job.data(remindAt));
			}
			catch (ScheduledJobs.Unavailable ex) {
				log.warn("No Dapr job for the reminder of task {} at {}; the reminder-cron sweep will fire it: {}", taskId,
						remindAt, ex.getMessage());
			}
		}
	}

	private void cancel(JsonNode data) {
		long taskId = taskId(data);
		JsonNode reminders = data.path("task").path("reminders");
		Instant now = clock.instant();
		for (int position = 0; position < reminders.size(); position++) {
			Instant remindAt = unsentRemindAt(reminders.get(position));
			if (remindAt == null || !remindAt.isAfter(now)) {
				continue;
			}
			String name = ReminderJob.of(taskId, position, remindAt).name();
			try {
				jobs.cancel(name);
			}
			catch (ScheduledJobs.Unavailable ex) {
				log.warn("Could not cancel Dapr job {}; it will find nothing to fire: {}", name, ex.getMessage());
			}
		}
	}

	private static long taskId(JsonNode data) {
		JsonNode id = data.get("task_id");
		if (id == null || !id.canConvertToLong()) {
			throw new MalformedEvent("task_id is missing");
		}
		return id.asLong();
	}

	/** When a reminder fires, if it has not yet (null for a sent one or an undated relative one). */
	private static Instant unsentRemindAt(JsonNode reminder) {
		JsonNode remindAt = reminder.get("remind_at");
		if (reminder.path("sent").asBoolean(false) || remindAt == null || remindAt.isNull()) {
			return null;
		}
		try {
			return Instant.parse(remindAt.asString());
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEvent("remind_at '" + remindAt.asString() + "' is not an RFC 3339 timestamp");
		}
	}
}
