package dev.taskflow.tasks.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.Outbox;
import dev.taskflow.eventing.OutgoingEvent;
import dev.taskflow.eventing.Topics;
import dev.taskflow.tasks.TaskEvent;
import dev.taskflow.tasks.TaskSnapshot;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts every task event on the wire (docs/events.md), in the transaction that changed the task: the
 * full event on {@code task-events} (keyed by task id) and a compact change record on
 * {@code task-updates} (keyed by user id), ordered per task by the event's sequence. The JSON Schemas
 * in {@code resources/schemas/events} describe both.
 */
@Component
class TaskEventPublisher {

	static final String SCHEMA_VERSION = "1.0";

	static final String SOURCE = "/taskflow/tasks";

	private final Outbox outbox;

	private final JsonMapper json;

	TaskEventPublisher(Outbox outbox, JsonMapper json) {
		this.outbox = outbox;
		this.json = json;
	}

	/**
	 * The body of every task event; {@code changes} on {@code task.updated}, and on {@code task.completed}
	 * and {@code task.reopened} when the same change did more than switch the status.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TaskEventBody(UUID eventId, String eventType, String version, Instant timestamp, UUID userId, long taskId,
			long sequence, TaskSnapshot task, Map<String, TaskEvent.Change> changes) {
	}

	/** What a live view needs to patch one row; {@code task} is null once the task is deleted. */
	record TaskUpdateBody(UUID eventId, String eventType, String version, Instant timestamp, UUID userId,
			long taskId, long taskVersion, TaskSnapshot task) {
	}

	@EventListener
	void on(TaskEvent event) {
		outbox.publish(OutgoingEvent.ordered("task/" + event.taskId(), event.sequence(),
				List.of(new OutgoingEvent.Message(Topics.TASK_EVENTS, taskEvent(event)),
						new OutgoingEvent.Message(Topics.TASK_UPDATES, taskUpdate(event)))));
	}

	EventEnvelope taskEvent(TaskEvent event) {
		TaskEventBody body = new TaskEventBody(event.eventId(), event.type(), SCHEMA_VERSION, event.occurredAt(),
				event.ownerId(), event.taskId(), event.sequence(), event.task(), changes(event));
		return new EventEnvelope(event.eventId(), SOURCE, event.type(), event.occurredAt(),
				String.valueOf(event.taskId()), String.valueOf(event.taskId()), event.traceparent(),
				json.valueToTree(body));
	}

	/**
	 * What a change did, field by field. A status change made together with other fields (a PUT or PATCH
	 * that also renames the task) carries them all, so the history shows what changed with it; a bare
	 * complete or reopen carries none.
	 */
	private static Map<String, TaskEvent.Change> changes(TaskEvent event) {
		if (event instanceof TaskEvent.TaskUpdated) {
			return event.changes();
		}
		boolean statusChange = event instanceof TaskEvent.TaskCompleted || event instanceof TaskEvent.TaskReopened;
		return statusChange && !onlyStatus(event.changes()) ? event.changes() : null;
	}

	private static boolean onlyStatus(Map<String, TaskEvent.Change> changes) {
		return changes.keySet().stream().allMatch("status"::equals);
	}

	/** A distinct id (derived from the task event's), so each topic's consumers dedupe independently. */
	EventEnvelope taskUpdate(TaskEvent event) {
		UUID id = UUID.nameUUIDFromBytes(("task-update:" + event.eventId()).getBytes());
		TaskUpdateBody body = new TaskUpdateBody(id, event.type(), SCHEMA_VERSION, event.occurredAt(), event.ownerId(),
				event.taskId(), event.sequence(), event instanceof TaskEvent.TaskDeleted ? null : event.task());
		return new EventEnvelope(id, SOURCE, event.type(), event.occurredAt(), String.valueOf(event.taskId()),
				event.ownerId().toString(), event.traceparent(), json.valueToTree(body));
	}
}
