package dev.taskflow.recurrence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.recurrence.NextOccurrenceDue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the consumer reads from a task event and what it asks the tasks module for. */
class RecurringTaskConsumerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID ANN = UUID.randomUUID();

	private final List<Object> published = new ArrayList<>();

	private final RecurringTaskConsumer consumer = new RecurringTaskConsumer(livingInBerlin(), published::add);

	@Test
	void aCompletedRecurringTaskAsksForTheNextInstanceInTheOwnersZone() {
		consumer.handle(event("task.completed", task("2026-03-28T09:00:00+01:00", "daily")));

		assertThat(published).containsExactly(
				new NextOccurrenceDue(ANN, 42, null, OffsetDateTime.parse("2026-03-29T09:00:00+02:00")));
	}

	@Test
	void anAllDayTaskAsksForAnAllDayInstance() {
		consumer.handle(event("task.completed", task("2026-01-30", "weekdays")));

		assertThat(published).containsExactly(new NextOccurrenceDue(ANN, 42, LocalDate.parse("2026-02-02"), null));
	}

	@Test
	void theSeriesAnchorIsWhereTheRuleStarts() {
		ObjectNode task = task("2026-02-28", "monthly");
		task.put("series_anchor", "2026-01-31");
		task.put("series_index", 2);

		consumer.handle(event("task.completed", task));

		assertThat(published).containsExactly(new NextOccurrenceDue(ANN, 42, LocalDate.parse("2026-03-31"), null));
	}

	@Test
	void aSeriesThatHasEndedAsksForNothing() {
		ObjectNode task = task("2026-01-30", "FREQ=DAILY;COUNT=2");
		task.put("series_index", 2);

		consumer.handle(event("task.completed", task));

		assertThat(published).isEmpty();
	}

	@Test
	void otherTaskEventsAndTasksThatDoNotRecurAreIgnored() {
		consumer.handle(event("task.created", task("2026-01-30", "daily")));
		consumer.handle(event("task.reopened", task("2026-01-30", "daily")));
		consumer.handle(event("task.completed", task("2026-01-30", null)));

		assertThat(published).isEmpty();
	}

	@Test
	void unknownTypesAndUnreadableBodiesAreMalformed() {
		assertThatThrownBy(() -> consumer.handle(event("task.exploded", task("2026-01-30", "daily"))))
			.isInstanceOf(MalformedEvent.class);
		ObjectNode badDue = task("next Tuesday", "daily");
		assertThatThrownBy(() -> consumer.handle(event("task.completed", badDue))).isInstanceOf(MalformedEvent.class);
		ObjectNode badMode = task("2026-01-30", "daily");
		badMode.put("recurrence_from", "whenever");
		assertThatThrownBy(() -> consumer.handle(event("task.completed", badMode))).isInstanceOf(MalformedEvent.class);
		ObjectNode badAnchor = task("2026-01-30", "daily");
		badAnchor.put("series_anchor", "the first Monday");
		assertThatThrownBy(() -> consumer.handle(event("task.completed", badAnchor))).isInstanceOf(MalformedEvent.class);
		ObjectNode badIndex = task("2026-01-30", "daily");
		badIndex.put("series_index", "two");
		assertThatThrownBy(() -> consumer.handle(event("task.completed", badIndex))).isInstanceOf(MalformedEvent.class)
			.hasMessage("task.series_index must be a whole number of at least 1 or null, not a string");
		EventEnvelope withoutTask = event("task.completed", null);
		assertThatThrownBy(() -> consumer.handle(withoutTask)).isInstanceOf(MalformedEvent.class);
		assertThat(published).isEmpty();
	}

	private static ObjectNode task(String dueAt, String recurrence) {
		ObjectNode task = JSON.createObjectNode();
		task.put("title", "Water the plants");
		task.put("status", "completed");
		task.put("due_at", dueAt);
		task.put("recurrence", recurrence);
		task.put("recurrence_from", recurrence == null ? null : "due");
		task.put("series_id", 7);
		task.put("series_index", 1);
		return task;
	}

	private static EventEnvelope event(String type, ObjectNode task) {
		UUID id = UUID.randomUUID();
		ObjectNode data = JSON.createObjectNode();
		data.put("event_id", id.toString());
		data.put("event_type", type);
		data.put("timestamp", "2026-03-28T10:00:00Z");
		data.put("user_id", ANN.toString());
		data.put("task_id", 42);
		data.put("sequence", 2);
		if (task != null) {
			data.set("task", task);
		}
		return new EventEnvelope(id, "/taskflow/tasks", type, Instant.parse("2026-03-28T10:00:00Z"), "42", "42", null,
				data);
	}

	private static Accounts livingInBerlin() {
		Accounts accounts = mock(Accounts.class);
		when(accounts.holdTimeZone(any())).thenReturn(Optional.of(ZoneId.of("Europe/Berlin")));
		return accounts;
	}
}
