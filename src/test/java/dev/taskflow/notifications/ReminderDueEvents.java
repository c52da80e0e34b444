package dev.taskflow.notifications;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.taskflow.eventing.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code reminder.due} envelopes as the reminders module publishes them (schemas/events/reminder-due),
 * for delivering straight to the notifications consumer. Task ids are random, so tests sharing a
 * database never announce the same reminder.
 */
public final class ReminderDueEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReminderDueEvents() {
	}

	public static long newTaskId() {
		return ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
	}

	/** A reminder of a task due in 15 minutes that fires now. */
	public static EventEnvelope dueInFifteenMinutes(String userId, String title) {
		Instant now = Instant.now();
		return reminderDue(UUID.randomUUID(), userId, newTaskId(), title, now.plusSeconds(15 * 60).toString(), now);
	}

	/** @param dueAt as in task JSON: {@code 2026-12-01}, {@code 2026-12-01T09:00:00+01:00} or null */
	public static EventEnvelope reminderDue(UUID eventId, String userId, long taskId, String title, String dueAt,
			Instant remindAt) {
		ObjectNode data = JSON.createObjectNode();
		data.put("event_id", eventId.toString());
		data.put("event_type", "reminder.due");
		data.put("version", "1.0");
		data.put("timestamp", remindAt.toString());
		data.put("user_id", userId);
		data.put("task_id", taskId);
		data.put("reminder_id", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
		data.put("title", title);
		data.put("due_at", dueAt);
		data.put("remind_at", remindAt.toString());
		return new EventEnvelope(eventId, "/taskflow/reminders", "reminder.due", remindAt, String.valueOf(taskId),
				String.valueOf(taskId), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", data);
	}

	/** The same reminder announced again under another event id. */
	public static EventEnvelope withNewEventId(EventEnvelope event) {
		UUID id = UUID.randomUUID();
		ObjectNode data = ((ObjectNode) event.data()).deepCopy();
		data.put("event_id", id.toString());
		return new EventEnvelope(id, event.source(), event.type(), event.time(), event.subject(), event.partitionKey(),
				event.traceparent(), data);
	}
}
