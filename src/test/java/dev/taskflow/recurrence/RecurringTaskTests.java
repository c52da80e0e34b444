package dev.taskflow.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.RecordingConsumer;
import dev.taskflow.eventing.Topics;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Recurring tasks over the API: completing one brings the next instance, once. */
@TaskFlowTest
@Import(RecordingConsumer.Config.class)
class RecurringTaskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	RecordingConsumer recorder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void completingARecurringTaskCreatesTheNextInstanceInTheSameSeries() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		JsonNode first = create(ann, """
				{"title": "Water the plants", "description": "Balcony first", "priority": "high", "tags": ["home"],
				 "due_at": "2026-03-28T09:00:00+01:00", "recurrence": "daily",
				 "reminders": [{"before": "PT15M"}, {"at": "2026-03-28T07:00:00Z"}]}""");
		assertThat(first.get("series_id").asLong()).isEqualTo(id(first));

		complete(ann, id(first));

		JsonNode next = awaitNextInstanceOf(ann, id(first));
		assertThat(next.get("status").asString()).isEqualTo("pending");
		assertThat(next.get("title").asString()).isEqualTo("Water the plants");
		assertThat(next.get("description").asString()).isEqualTo("Balcony first");
		assertThat(next.get("priority").asString()).isEqualTo("high");
		assertThat(next.get("tags").get(0).asString()).isEqualTo("home");
		// 9:00 in Berlin on both days, although summer time starts in between
		assertThat(next.get("due_at").asString()).isEqualTo("2026-03-29T09:00:00+02:00");
		assertThat(next.get("recurrence").asString()).isEqualTo("daily");
		assertThat(next.get("recurrence_from").asString()).isEqualTo("due");
		assertThat(next.get("series_id").asLong()).isEqualTo(id(first));
		JsonNode reminders = next.get("reminders");
		assertThat(reminders.get(0).get("before").asString()).isEqualTo("PT15M");
		assertThat(Instant.parse(reminders.get(0).get("remind_at").asString()))
			.isEqualTo(Instant.parse("2026-03-29T06:45:00Z"));
		assertThat(Instant.parse(reminders.get(1).get("at").asString()))
			.as("an absolute reminder moves with the due date").isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
	}

	@Test
	void aMonthlyTaskDueOnThe31stReturnsToThe31stAfterShortMonths() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Pay rent\", \"due_at\": \"2026-01-31\", \"recurrence\": \"monthly\"}"));

		List<String> dues = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			complete(ann, id);
			JsonNode next = awaitNextInstanceOf(ann, id);
			dues.add(next.get("due_at").asString());
			id = id(next);
		}

		assertThat(dues).containsExactly("2026-02-28", "2026-03-31", "2026-04-30");
		long last = id;
		await().until(() -> !recorder.of(Topics.TASK_EVENTS, last).isEmpty());
		assertThat(recorder.of(Topics.TASK_EVENTS, last).get(0).data().get("task").get("series_anchor").asString())
			.as("every instance's events carry the series' anchor")
			.isEqualTo("2026-01-31");
	}

	@Test
	void movingTheFirstInstanceMovesTheScheduleAndPostponingALaterOneDoesNot() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Pay rent\", \"due_at\": \"2026-01-31\", \"recurrence\": \"monthly\"}"));
		patchTask(ann, id, "{\"due_at\": \"2026-01-15\"}").andExpect(status().isOk());
		complete(ann, id);
		JsonNode second = awaitNextInstanceOf(ann, id);
		assertThat(second.get("due_at").asString()).isEqualTo("2026-02-15");

		patchTask(ann, id(second), "{\"due_at\": \"2026-02-20\"}").andExpect(status().isOk());
		complete(ann, id(second));

		assertThat(awaitNextInstanceOf(ann, id(second)).get("due_at").asString()).isEqualTo("2026-03-15");
	}

	@Test
	void aChangedRuleCountsFromTheDueItWasChangedOn() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Clean up\", \"due_at\": \"2026-01-15\", \"recurrence\": \"monthly\"}"));
		complete(ann, id);
		JsonNode second = awaitNextInstanceOf(ann, id);
		// 15 February 2026 is a Sunday; the series started on a Thursday
		patchTask(ann, id(second), "{\"recurrence\": \"weekly\"}").andExpect(status().isOk());
		complete(ann, id(second));

		assertThat(awaitNextInstanceOf(ann, id(second)).get("due_at").asString()).isEqualTo("2026-02-22");
	}

	@Test
	void aCompletionDeliveredAgainSequentiallyOrConcurrentlyCreatesOneNextInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Stand-up\", \"due_at\": \"2026-02-02\", \"recurrence\": \"weekdays\"}"));
		complete(ann, id);
		awaitNextInstanceOf(ann, id);
		EventEnvelope completed = awaitCompletion(id, 1);

		for (int i = 0; i < 3; i++) {
			assertThat(consumers.deliver(recurrence(), completed)).as("already processed").isFalse();
		}
		assertThat(deliverConcurrently(8, i -> completed)).containsOnly(false);
		// the same completion under new event ids gets past the inbox: the tasks module still creates none
		assertThat(deliverConcurrently(8, i -> withNewId(completed))).containsOnly(true);

		assertThat(instancesCreatedFrom(id)).isEqualTo(1);
		assertThat(pendingTasks(ann)).hasSize(1);
		assertThat(pendingTasks(ann).get(0).get("due_at").asString()).isEqualTo("2026-02-03");
	}

	@Test
	void concurrentFirstDeliveriesRaceToOneNextInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Invoice\", \"due_at\": \"2026-01-31\", \"recurrence\": \"monthly\"}"));
		complete(ann, id);
		long created = id(awaitNextInstanceOf(ann, id));
		EventEnvelope completed = awaitCompletion(id, 1);
		// with the next instance gone for good (deleted, then purged from the trash), only the unique
		// link to the completed task stops the racers
		mvc.perform(ann.as(delete("/api/tasks/" + created))).andExpect(status().isNoContent());
		jdbc.sql("delete from tasks where id = :id and deleted_at is not null").param("id", created).update();

		List<Boolean> outcomes = deliverConcurrently(8, i -> withNewId(completed));

		assertThat(outcomes).contains(true);
		assertThat(instancesCreatedFrom(id)).isEqualTo(1);
		assertThat(pendingTasks(ann)).hasSize(1);
		assertThat(pendingTasks(ann).get(0).get("due_at").asString()).isEqualTo("2026-02-28");
	}

	@Test
	void aRedeliveredCompletionDoesNotBringBackANextInstanceTheOwnerDeleted() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Rent\", \"due_at\": \"2026-01-31\", \"recurrence\": \"monthly\"}"));
		complete(ann, id);
		long created = id(awaitNextInstanceOf(ann, id));
		EventEnvelope completed = awaitCompletion(id, 1);
		mvc.perform(ann.as(delete("/api/tasks/" + created))).andExpect(status().isNoContent());

		assertThat(consumers.deliver(recurrence(), withNewId(completed))).isTrue();

		assertThat(instancesCreatedFrom(id)).isEqualTo(1);
		assertThat(pendingTasks(ann)).isEmpty();
	}

	@Test
	void reopeningTakesBackTheUntouchedNextInstanceAndCompletingAgainBringsOne() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Gym\", \"due_at\": \"2026-02-02\", \"recurrence\": \"daily\"}"));
		complete(ann, id);
		long taken = id(awaitNextInstanceOf(ann, id));

		mvc.perform(ann.as(post("/api/tasks/" + id + "/reopen"))).andExpect(status().isOk());

		assertThat(instancesCreatedFrom(id)).isZero();
		assertThat(pendingTasks(ann)).extracting(task -> id(task)).containsExactly(id);
		mvc.perform(ann.as(get("/api/tasks/" + taken))).andExpect(status().isNotFound());
		await().until(() -> recorder.of(Topics.TASK_EVENTS, taken).stream().anyMatch(e -> e.type().equals("task.deleted")));

		complete(ann, id);
		JsonNode again = awaitNextInstanceOf(ann, id);
		assertThat(again.get("due_at").asString()).isEqualTo("2026-02-03");
		assertThat(pendingTasks(ann)).hasSize(1);
	}

	@Test
	void reopeningKeepsANextInstanceThePersonHasAlreadyChanged() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Gym\", \"due_at\": \"2026-02-02\", \"recurrence\": \"daily\"}"));
		complete(ann, id);
		long next = id(awaitNextInstanceOf(ann, id));
		patchTask(ann, next, "{\"title\": \"Gym, legs\"}").andExpect(status().isOk());

		mvc.perform(ann.as(post("/api/tasks/" + id + "/reopen"))).andExpect(status().isOk());

		assertThat(pendingTasks(ann)).extracting(task -> id(task)).containsExactlyInAnyOrder(id, next);
	}

	@Test
	void aCompletionDeliveredAfterTheTaskWasReopenedBringsNoNextInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Gym\", \"due_at\": \"2026-02-02\", \"recurrence\": \"daily\"}"));
		complete(ann, id);
		awaitNextInstanceOf(ann, id);
		EventEnvelope completed = awaitCompletion(id, 1);
		mvc.perform(ann.as(post("/api/tasks/" + id + "/reopen"))).andExpect(status().isOk());

		// as if the completion reached the consumer only now, after the Undo
		assertThat(consumers.deliver(recurrence(), withNewId(completed))).isTrue();

		assertThat(instancesCreatedFrom(id)).isZero();
		assertThat(pendingTasks(ann)).extracting(task -> id(task)).containsExactly(id);
	}

	@Test
	void aCountedSeriesEndsWithItsLastInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Twice\", \"due_at\": \"2026-02-02\", \"recurrence\": \"FREQ=DAILY;COUNT=2\"}"));
		complete(ann, id);
		JsonNode second = awaitNextInstanceOf(ann, id);
		assertThat(second.get("due_at").asString()).isEqualTo("2026-02-03");

		complete(ann, id(second));
		awaitProcessed(awaitCompletion(id(second), 1));

		assertThat(instancesCreatedFrom(id(second))).isZero();
		assertThat(pendingTasks(ann)).isEmpty();
	}

	/** No instance falls due after 9999, where the API would refuse to read it back (or import its export). */
	@ParameterizedTest
	@ValueSource(strings = { "{\"due_at\": \"9999-12-31\", \"recurrence\": \"yearly\"}",
			"{\"due_at\": \"9999-12-31T09:00:00+01:00\", \"recurrence\": \"daily\"}",
			"{\"due_at\": \"9999-12-30T13:00:00-11:00\", \"recurrence\": \"daily\"}" })
	void aSeriesEndsAfterItsLastInstanceIn9999(String dueAndRule) throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Far\", " + dueAndRule.substring(1)));

		complete(ann, id);
		awaitProcessed(awaitCompletion(id, 1));

		assertThat(instancesCreatedFrom(id)).isZero();
		assertThat(pendingTasks(ann)).isEmpty();
	}

	@Test
	void removingTheRecurrenceStopsTheSeries() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Newsletter\", \"due_at\": \"2026-02-02\", \"recurrence\": \"weekly\"}"));
		patchTask(ann, id, "{\"recurrence\": null}").andExpect(jsonPath("$.recurrence").value(nullValue()));

		complete(ann, id);
		awaitProcessed(awaitCompletion(id, 1));

		assertThat(instancesCreatedFrom(id)).isZero();
		assertThat(pendingTasks(ann)).isEmpty();
	}

	@Test
	void anEditedRuleAppliesToTheNextInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Report\", \"due_at\": \"2026-02-02\", \"recurrence\": \"daily\"}"));
		patchTask(ann, id, "{\"recurrence\": \"rrule:freq=weekly;byday=fr\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recurrence").value("FREQ=WEEKLY;BYDAY=FR"));

		complete(ann, id);

		JsonNode next = awaitNextInstanceOf(ann, id);
		assertThat(next.get("due_at").asString()).isEqualTo("2026-02-06");
		assertThat(next.get("recurrence").asString()).isEqualTo("FREQ=WEEKLY;BYDAY=FR");
	}

	@Test
	void fromCompletionTheNextIsCountedFromTheDayOfCompletionInTheUsersZone() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Pacific/Auckland");
		long id = id(create(ann, """
				{"title": "Change the filter", "due_at": "2030-06-01T08:00:00+12:00", "recurrence": "FREQ=DAILY;INTERVAL=3",
				 "recurrence_from": "completion"}"""));

		Instant completedAt = Instant.parse(complete(ann, id).get("completed_at").asString());

		JsonNode next = awaitNextInstanceOf(ann, id);
		LocalDate expected = completedAt.atZone(ZoneId.of("Pacific/Auckland")).toLocalDate().plusDays(3);
		assertThat(next.get("due_at").asString()).startsWith(expected + "T08:00:00+");
		assertThat(next.get("recurrence_from").asString()).isEqualTo("completion");
	}

	@Test
	void aRecurringTaskWithoutADueDateGetsOneCountedFromItsCompletion() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "America/New_York");
		long id = id(create(ann, "{\"title\": \"Backup\", \"recurrence\": \"weekly\"}"));

		Instant completedAt = Instant.parse(complete(ann, id).get("completed_at").asString());

		JsonNode next = awaitNextInstanceOf(ann, id);
		assertThat(next.get("due_at").asString())
			.isEqualTo(completedAt.atZone(ZoneId.of("America/New_York")).toLocalDate().plusWeeks(1).toString());
		assertThat(next.get("all_day").asBoolean()).isTrue();
	}

	@Test
	void anotherUserCannotSeeTheNextInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		long id = id(create(ann, "{\"title\": \"Ann's secret\", \"due_at\": \"2026-02-02\", \"recurrence\": \"daily\"}"));
		complete(ann, id);
		long next = id(awaitNextInstanceOf(ann, id));

		mvc.perform(bob.as(get("/api/tasks/" + next))).andExpect(status().isNotFound());
		assertThat(pendingTasks(bob)).isEmpty();
	}

	@Test
	void invalidRecurrencesAreRefusedWithFieldErrors() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Bad\", \"recurrence\": \"FREQ=SOMETIMES\", \"recurrence_from\": \"later\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'recurrence')].message").value(hasItem(containsString("RRULE"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'recurrence_from')].message").value("must be due or completion"));
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Misspelt\", \"recurrence\": \"FREQ=DAILY;INTREVAL=2\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'recurrence')]").exists());
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Never\", \"recurrence\": \"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'recurrence')].message").value(hasItem(containsString("never occurs"))));

		long id = id(create(ann, "{\"title\": \"Fine\", \"recurrence\": \"monthly\"}"));
		patchTask(ann, id, "{\"recurrence\": \"FREQ=MONTHLY;BYMONTHDAY=32\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'recurrence')]").exists());
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(jsonPath("$.recurrence").value("monthly"));
	}

	private EventConsumer recurrence() {
		return consumers.consumer("recurrence");
	}

	private List<Boolean> deliverConcurrently(int deliveries, Function<Integer, EventEnvelope> event) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(deliveries);
		try {
			List<Callable<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < deliveries; i++) {
				EventEnvelope envelope = event.apply(i);
				calls.add(() -> consumers.deliver(recurrence(), envelope));
			}
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Boolean> outcome : pool.invokeAll(calls)) {
				try {
					outcomes.add(outcome.get());
				}
				catch (ExecutionException ex) {
					// a loser of the race fails on a unique key; the transport would retry it and find the instance
				}
			}
			return outcomes;
		}
		finally {
			pool.shutdown();
		}
	}

	private static EventEnvelope withNewId(EventEnvelope event) {
		return new EventEnvelope(UUID.randomUUID(), event.source(), event.type(), event.time(), event.subject(),
				event.partitionKey(), event.traceparent(), event.data());
	}

	private EventEnvelope awaitCompletion(long taskId, int nth) {
		await().until(() -> completions(taskId).size() >= nth);
		return completions(taskId).get(nth - 1);
	}

	private List<EventEnvelope> completions(long taskId) {
		return recorder.of(Topics.TASK_EVENTS, taskId).stream().filter(e -> e.type().equals("task.completed")).toList();
	}

	/** Waits until the recurrence consumer has handled an event (and committed whatever it did). */
	private void awaitProcessed(EventEnvelope event) {
		await().until(() -> jdbc.sql("select count(*) from event_inbox where consumer = 'recurrence' and event_id = :id")
			.param("id", event.id())
			.query(Integer.class)
			.single() == 1);
	}

	private JsonNode awaitNextInstanceOf(TestUser user, long taskId) throws Exception {
		await().until(() -> instancesCreatedFrom(taskId) == 1);
		long next = jdbc.sql("select id from tasks where previous_task_id = :id").param("id", taskId).query(Long.class).single();
		return json(mvc.perform(user.as(get("/api/tasks/" + next))).andExpect(status().isOk()).andReturn());
	}

	private int instancesCreatedFrom(long taskId) {
		return jdbc.sql("select count(*) from tasks where previous_task_id = :id").param("id", taskId).query(Integer.class).single();
	}

	private List<JsonNode> pendingTasks(TestUser user) throws Exception {
		List<JsonNode> tasks = new ArrayList<>();
		json(mvc.perform(user.as(get("/api/tasks?status=pending"))).andExpect(status().isOk()).andReturn()).get("items")
			.forEach(tasks::add);
		return tasks;
	}

	private JsonNode create(TestUser user, String body) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private JsonNode complete(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk()).andReturn());
	}

	private ResultActions patchTask(TestUser user, long id, String body) throws Exception {
		return mvc.perform(user.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static long id(JsonNode task) {
		return task.get("id").asLong();
	}
}
