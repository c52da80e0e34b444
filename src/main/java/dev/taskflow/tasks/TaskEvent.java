package dev.taskflow.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something that happened to a task, published inside the transaction that made it happen.
 * {@code sequence} numbers a task's events 1, 2, 3 … without gaps (it is the task's version after
 * the change), so consumers and the relay can tell order and duplicates apart.
 */
public sealed interface TaskEvent
		permits TaskEvent.TaskCreated, TaskEvent.TaskUpdated, TaskEvent.TaskCompleted, TaskEvent.TaskReopened,
		TaskEvent.TaskDeleted, TaskEvent.TaskRestored {

	UUID eventId();

	Instant occurredAt();

	UUID ownerId();

	long taskId();

	long sequence();

	TaskSnapshot task();

	/** The field changes of this event (empty for creation and deletion). */
	Map<String, Change> changes();

	/** W3C trace context of the request that caused the event. */
	String traceparent();

	/** The event type on the wire: {@code task.created} … */
	String type();

	/** Old and new value of one field; JSON {@code {"old": …, "new": …}}. */
	record Change(Object old, @JsonProperty("new") Object current) {
	}

	record TaskCreated(UUID eventId, Instant occurredAt, UUID ownerId, long taskId, long sequence, TaskSnapshot task,
			Map<String, Change> changes, String traceparent) implements TaskEvent {

		@Override
		public String type() {
			return "task.created";
		}
	}

	record TaskUpdated(UUID eventId, Instant occurredAt, UUID ownerId, long taskId, long sequence, TaskSnapshot task,
			Map<String, Change> changes, String traceparent) implements TaskEvent {

		@Override
		public String type() {
			return "task.updated";
		}
	}

	record TaskCompleted(UUID eventId, Instant occurredAt, UUID ownerId, long taskId, long sequence,
			TaskSnapshot task, Map<String, Change> changes, String traceparent) implements TaskEvent {

		@Override
		public String type() {
			return "task.completed";
		}
	}

	record TaskReopened(UUID eventId, Instant occurredAt, UUID ownerId, long taskId, long sequence, TaskSnapshot task,
			Map<String, Change> changes, String traceparent) implements TaskEvent {

		@Override
		public String type() {
			return "task.reopened";
		}
	}

	record TaskDeleted(UUID eventId, Instant occurredAt, UUID ownerId, long taskId, long sequence, TaskSnapshot task,
			Map<String, Change> changes, String traceparent) implements TaskEvent {

		@Override
		public String type() {
			return "task.deleted";
		}
	}

	/** A deleted task came back from the trash: same id, state as before the deletion. */
	record TaskRestored(UUID eventId, Instant occurredAt, UUID ownerId, long taskId, long sequence, TaskSnapshot task,
			Map<String, Change> changes, String traceparent) implements TaskEvent {

		@Override
		public String type() {
			return "task.restored";
		}
	}
}
