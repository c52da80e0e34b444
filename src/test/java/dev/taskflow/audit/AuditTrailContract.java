package dev.taskflow.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.RecordingConsumer;
import dev.taskflow.eventing.Topics;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.EventSchemas;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(RecordingConsumer.Config.class)
abstract class AuditTrailContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	RecordingConsumer recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper jsonMapper;

	@Test
	void historyListsEveryChangeOldestFirstAndOutlivesTheTask() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = createTask(ann, "Plan trip");
		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Plan the trip\", \"priority\": \"high\"}")).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		await().untilAsserted(() -> mvc.perform(ann.as(get("/api/tasks/" + id + "/history"))).andExpect(jsonPath("$", hasSize(4))));
		mvc.perform(ann.as(get("/api/tasks/" + id + "/history")))
			.andExpect(jsonPath("$[*].event_type").value(org.hamcrest.Matchers.contains("task.created", "task.updated",
					"task.completed", "task.deleted")))
			.andExpect(jsonPath("$[1].changes.title.old").value("Plan trip"))
			.andExpect(jsonPath("$[1].changes.title.new").value("Plan the trip"))
			.andExpect(jsonPath("$[1].changes.priority.new").value("high"))
			.andExpect(jsonPath("$[0].user_id").value(ann.id()))
			.andExpect(jsonPath("$[3].title").value("Plan the trip"));
	}

	/** A status change made together with other fields shows those fields too, in a schema-valid event. */
	@Test
	void historyShowsWhatChangedTogetherWithTheStatus() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = createTask(ann, "combo");
		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"combo2\", \"priority\": \"high\", \"status\": \"completed\"}"))
			.andExpect(status().isOk());
		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"combo3\", \"status\": \"pending\"}"))
			.andExpect(status().isOk());

		await().untilAsserted(() -> mvc.perform(ann.as(get("/api/tasks/" + id + "/history"))).andExpect(jsonPath("$", hasSize(3))));
		mvc.perform(ann.as(get("/api/tasks/" + id + "/history")))
			.andExpect(jsonPath("$[1].event_type").value("task.completed"))
			.andExpect(jsonPath("$[1].changes.title.new").value("combo2"))
			.andExpect(jsonPath("$[1].changes.priority.new").value("high"))
			.andExpect(jsonPath("$[1].changes.status.new").value("completed"))
			.andExpect(jsonPath("$[2].event_type").value("task.reopened"))
			.andExpect(jsonPath("$[2].changes.title.new").value("combo3"));
		await().until(() -> recorder.of(Topics.TASK_EVENTS, id).size() == 3);
		for (EventEnvelope event : recorder.of(Topics.TASK_EVENTS, id)) {
			assertThat(EventSchemas.violations(Topics.TASK_EVENTS, event.toJson(jsonMapper))).as(event.type()).isEmpty();
		}
	}

	/** An emoji is one character: a title of 200 is within the limit, in the history and in a schema-valid event. */
	@Test
	void aTitleOf200EmojiIsInTheHistoryWhole() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String title = "🥛".repeat(200);
		long id = createTask(ann, title);

		await().untilAsserted(() -> mvc.perform(ann.as(get("/api/tasks/" + id + "/history")))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].title").value(title)));
		await().until(() -> recorder.of(Topics.TASK_EVENTS, id).size() == 1);
		EventEnvelope created = recorder.of(Topics.TASK_EVENTS, id).get(0);
		assertThat(EventSchemas.violations(Topics.TASK_EVENTS, created.toJson(jsonMapper))).isEmpty();
	}

	@Test
	void historyAndAuditAreOnlyTheOwners() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		long id = createTask(ann, "Ann's");
		await().untilAsserted(() -> mvc.perform(ann.as(get("/api/tasks/" + id + "/history"))).andExpect(jsonPath("$", hasSize(1))));

		mvc.perform(bob.as(get("/api/tasks/" + id + "/history"))).andExpect(status().isNotFound());
		mvc.perform(bob.as(get("/api/audit"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
	}

	@Test
	void auditPagesNewestFirst() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (int i = 0; i < 3; i++) {
			createTask(ann, "Task " + i);
		}
		await().untilAsserted(() -> mvc.perform(ann.as(get("/api/audit"))).andExpect(jsonPath("$.items", hasSize(3))));
		JsonNode first = json(mvc.perform(ann.as(get("/api/audit?limit=2"))).andReturn());
		assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("Task 2");
		JsonNode second = json(mvc.perform(ann.as(get("/api/audit?limit=2&cursor=" + first.get("next_cursor").asString())))
			.andReturn());
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("items").get(0).get("title").asString()).isEqualTo("Task 0");
		assertThat(second.get("next_cursor").isNull()).isTrue();
		mvc.perform(ann.as(get("/api/audit?cursor=abc"))).andExpect(status().isBadRequest());
	}

	@Test
	void theSameEventDeliveredTwiceAndConcurrentlyIsAuditedOnce() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = createTask(ann, "Once only");
		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, id)).hasSize(1));
		EventEnvelope created = recorder.of(Topics.TASK_EVENTS, id).get(0);
		await().until(() -> auditRows(created) == 1);

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> redeliveries = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				redeliveries.add(() -> consumers.deliver(consumers.consumer("audit"), created));
			}
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Boolean> outcome : pool.invokeAll(redeliveries)) {
				outcomes.add(outcome.get());
			}
			assertThat(outcomes).containsOnly(false);
		}
		finally {
			pool.shutdown();
		}
		assertThat(auditRows(created)).isEqualTo(1);
	}

	@Test
	void concurrentFirstDeliveriesOfANewEventAreAuditedOnce() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = createTask(ann, "Race");
		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, id)).hasSize(1));
		EventEnvelope original = recorder.of(Topics.TASK_EVENTS, id).get(0);
		// the same event under a fresh id: nobody has processed it yet, so the deliveries really race
		EventEnvelope fresh = new EventEnvelope(java.util.UUID.randomUUID(), original.source(), original.type(),
				original.time(), original.subject(), original.partitionKey(), original.traceparent(), original.data());

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> deliveries = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				deliveries.add(() -> consumers.deliver(consumers.consumer("audit"), fresh));
			}
			long firsts = 0;
			for (Future<Boolean> outcome : pool.invokeAll(deliveries)) {
				try {
					firsts += outcome.get() ? 1 : 0;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					// a loser may also fail on the unique event id; it would be retried and then see the inbox
				}
			}
			assertThat(firsts).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(auditRows(fresh)).isEqualTo(1);
	}

	private int auditRows(EventEnvelope event) {
		return jdbc.sql("select count(*) from audit_log where event_id = :id").param("id", event.id()).query(Integer.class).single();
	}

	private long createTask(TestUser user, String title) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + title + "\"}")).andExpect(status().isCreated()).andReturn()).get("id").asLong();
	}
}
