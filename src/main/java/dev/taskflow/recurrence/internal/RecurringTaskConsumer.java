package dev.taskflow.recurrence.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.eventing.EventBody;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.Topics;
import dev.taskflow.recurrence.NextOccurrenceDue;
import dev.taskflow.recurrence.Occurrence;
import dev.taskflow.recurrence.Recurrence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

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
			next(event.body()).ifPresent(events::publishEvent);
		}
	}

	/** The next instance a completion calls for; empty if the task does not recur or its series has ended. */
	private Optional<NextOccurrenceDue> next(EventBody body) {
		EventBody task = body.requiredObject("task");
		String rule = task.optionalText("recurrence");
		if (rule == null) {
			return Optional.empty();
		}
		String from = task.optionalText("recurrence_from");
		UUID owner = body.requiredUuid("user_id");
		long taskId = body.requiredPositiveLong("task_id");
		Instant completedAt = body.requiredInstant("timestamp");
		String dueAt = task.optionalText("due_at");
		String anchorAt = task.optionalText("series_anchor");
		int seriesIndex = task.optionalPositiveInt("series_index", 1);
		try {
			Recurrence recurrence = new Recurrence(rule, from == null ? Recurrence.From.DUE
					: Recurrence.From.parse(from).orElseThrow(() -> new MalformedEvent("unknown recurrence_from " + from)));
			Occurrence due = dueAt == null ? null : Occurrence.parse(dueAt);
			Occurrence anchor = anchorAt == null ? null : Occurrence.parse(anchorAt);
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
