package dev.taskflow.eventing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;

import dev.taskflow.support.EventSchemas;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Task changes travel through the outbox and the embedded transport to a subscriber. */
@Import(RecordingConsumer.Config.class)
abstract class TaskEventFlowContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingConsumer recorder;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	Accounts accounts;

	@Autowired
	TaskManagement tasks;

	@Test
	void everyChangeIsPublishedOnceOnBothTopicsInOrderAndMatchesTheSchemas() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Buy milk\", \"tags\": [\"home\"], \"due_at\": \"2026-12-01\"}"))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asLong();
		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"priority\": \"high\", \"due_at\": null}")).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/reopen"))).andExpect(status().isOk());
		mvc.perform(ann.as(put("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Buy oat milk\", \"status\": \"completed\"}")).andExpect(status().isOk());
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, id)).hasSize(6));
		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_UPDATES, id)).hasSize(6));
		List<EventEnvelope> events = recorder.of(Topics.TASK_EVENTS, id);

		assertThat(events).extracting(EventEnvelope::type)
			.containsExactly("task.created", "task.updated", "task.completed", "task.reopened", "task.completed",
					"task.deleted");
		assertThat(events).extracting(e -> e.data().get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(events).allSatisfy(e -> {
			assertThat(e.data().get("event_id").asString()).isEqualTo(e.id().toString());
			assertThat(e.data().get("user_id").asString()).isEqualTo(ann.id());
			assertThat(e.partitionKey()).isEqualTo(String.valueOf(id));
			assertThat(e.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		});
		JsonNode changes = events.get(1).data().get("changes");
		assertThat(changes.propertyNames()).containsExactlyInAnyOrder("priority", "due_at");
		assertThat(changes.at("/priority/old").asString()).isEqualTo("none");
		assertThat(changes.at("/priority/new").asString()).isEqualTo("high");
		assertThat(changes.at("/due_at/old").asString()).isEqualTo("2026-12-01");
		assertThat(changes.at("/due_at/new").isNull()).isTrue();
		assertThat(events.get(2).data().has("changes")).isFalse();
		assertThat(events.get(4).data().get("task").get("title").asString()).isEqualTo("Buy oat milk");
		assertThat(recorder.of(Topics.TASK_UPDATES, id)).allSatisfy(update -> {
			assertThat(update.partitionKey()).isEqualTo(ann.id());
			assertThat(update.id()).isNotIn(events.stream().map(EventEnvelope::id).toList());
		});
		assertThat(recorder.of(Topics.TASK_UPDATES, id).get(5).data().get("task").isNull()).isTrue();

		for (EventEnvelope event : events) {
			assertThat(EventSchemas.violations(Topics.TASK_EVENTS, event.toJson(jsonMapper))).as(event.type()).isEmpty();
		}
		for (EventEnvelope update : recorder.of(Topics.TASK_UPDATES, id)) {
			assertThat(EventSchemas.violations(Topics.TASK_UPDATES, update.toJson(jsonMapper))).as(update.type()).isEmpty();
		}
	}

	/**
	 * The queue takes a change's events in the change's own transaction, so per-task order rests on
	 * changes of one task committing one after the other (the row lock): many at once must still
	 * arrive in sequence order, on both topics.
	 */
	@Test
	void concurrentChangesOfOneTaskArriveInSequenceOrder() throws Exception {
		CurrentUser bob = accounts.register("order-" + UUID.randomUUID() + "@example.com", TestUsers.PASSWORD, "UTC");
		long id = tasks.create(bob, TaskDraft.titled("Contended")).id();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				int w = writer;
				done.add(writers.submit(() -> {
					for (int change = 0; change < 8; change++) {
						String title = "Contended " + w + "." + change;
						tasks.change(bob, id, draft -> draft.withDetails(title, draft.description(), draft.priority(), draft.tags(), draft.due()), null);
					}
				}));
			}
			for (Future<?> writer : done) {
				writer.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
		}

		List<Long> inOrder = LongStream.rangeClosed(1, 33).boxed().toList();
		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, id)).hasSize(33));
		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_UPDATES, id)).hasSize(33));
		assertThat(recorder.of(Topics.TASK_EVENTS, id)).extracting(e -> e.data().get("sequence").asLong())
			.containsExactlyElementsOf(inOrder);
		assertThat(recorder.of(Topics.TASK_UPDATES, id)).extracting(e -> e.data().get("task_version").asLong())
			.containsExactlyElementsOf(inOrder);
	}

	@Test
	void theSchemasRejectWhatTheyShould() throws Exception {
		JsonNode broken = jsonMapper.readTree("""
				{"specversion": "1.0", "id": "not-a-uuid", "source": "/taskflow/tasks", "type": "task.exploded",
				 "time": "yesterday", "datacontenttype": "application/json",
				 "data": {"event_id": "8b3e0000-0000-0000-0000-000000000000", "event_type": "task.updated",
				          "version": "2.0", "timestamp": "2026-11-22T10:00:00Z", "user_id": "x", "task_id": 0,
				          "sequence": 1, "task": {"title": "", "status": "done", "priority": "high", "tags": []}}}""");
		assertThat(EventSchemas.violations(Topics.TASK_EVENTS, broken)).hasSizeGreaterThanOrEqualTo(7);
	}
}
