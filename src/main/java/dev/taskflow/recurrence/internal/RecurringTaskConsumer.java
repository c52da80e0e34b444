package dev.taskflow.recurrence.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.Topics;
import dev.taskflow.recurrence.NextOccurrenceDue;
import dev.taskflow.recurrence.Occurrence;
import dev.taskflow.recurrence.Recurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.eventing.EventBody.required;
import static dev.taskflow.eventing.EventBody.optionalText;

/**
 * Asks for the next instance when a recurring task is completed. {@link NextOccurrenceDue} is
 * published synchronously, so the tasks module creates the instance inside this delivery's inbox
 * transaction: a redelivered completion is stopped by the inbox, and any other repeat (a concurrent
 * delivery under another id, a task reopened and completed again) by the tasks module, which creates
 * at most one next instance per completed task. The other task events are none of its business; an
 * unknown type is malformed.
 */
@Component
class RecurringTaskConsumer implements EventConsumer {

	private static final String COMPLETED = "task.completed";

	private static final Set<String> TASK_EVENTS = Set.of("task.created", "task.updated", COMPLETED, "task.reopened",
			"task.deleted", "task.restored");

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	RecurringTaskConsumer(Accounts accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
	}

	@Override
	public String name() {
		return "recurrence";
	}

	@Override
	public String role() {
		return "recurrence";
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.TASK_EVENTS);
	}

	/** Only a completion can call for a next instance; the other task events need not be queued for this consumer. */
	@Override
	public boolean wants(String eventType) {
		return COMPLETED.equals(eventType);
	}

	@Override
	public void handle(EventEnvelope event) {
		if (!TASK_EVENTS.contains(event.type())) {
			throw new MalformedEvent("unknown task event type " + event.type());
		}
		if (COMPLETED.equals(event.type())) {
			next(event.data()).ifPresent(events::publishEvent);
		}
	}

	/** The next instance a completion calls for; empty if the task does not recur or its series has ended. */
	private Optional<NextOccurrenceDue> next(JsonNode data) {
		JsonNode task = required(data, "task");
		String rule = optionalText(task, "recurrence");
		if (rule == null) {
			return Optional.empty();
		}
		try {
			String from = optionalText(task, "recurrence_from");
			Recurrence recurrence = new Recurrence(rule, from == null ? Recurrence.From.DUE
					: Recurrence.From.parse(from).orElseThrow(() -> new MalformedEvent("unknown recurrence_from " + from)));
			UUID owner = UUID.fromString(required(data, "user_id").asString());
			long taskId = required(data, "task_id").asLong();
			Instant completedAt = Instant.parse(required(data, "timestamp").asString());
			String dueAt = optionalText(task, "due_at");
			Occurrence due = dueAt == null ? null : Occurrence.parse(dueAt);
			String anchorAt = optionalText(task, "series_anchor");
			Occurrence anchor = anchorAt == null ? null : Occurrence.parse(anchorAt);
			JsonNode index = task.get("series_index");
			int seriesIndex = index == null || index.isNull() ? 1 : index.asInt();
			// held until commit, as by every task write: the next date is worked out in the zone the next
			// instance is written in, and an account deleted meanwhile gets none
			return accounts.holdTimeZone(owner)
				.flatMap(zone -> recurrence.nextAfter(due, anchor, completedAt, seriesIndex, zone))
				.map(next -> new NextOccurrenceDue(owner, taskId, next.date(), next.dateTime()));
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw new MalformedEvent("task.completed body is invalid: " + ex.getMessage());
		}
	}
}
