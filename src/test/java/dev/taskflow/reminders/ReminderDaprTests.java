package dev.taskflow.reminders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.taskflow.eventing.Topics;
import dev.taskflow.support.EventSchemas;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders in Dapr mode, with a stand-in for the sidecar: task events (handed to the app the way
 * daprd delivers them) schedule one Dapr job per pending reminder; {@code POST /job/{name}} fires the
 * named reminder, {@code POST /reminder-cron} everything due; {@code reminder.due} leaves through the
 * sidecar. Without the Jobs API, the cron sweep still fires reminders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("dapr")
@Import(ReminderDaprTests.Sidecar.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:reminders-dapr-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.dapr.api-token=" + ReminderDaprTests.DAPR_API_TOKEN,
		"taskflow.dapr.app-api-token=" + ReminderDaprTests.APP_API_TOKEN, "taskflow.dapr.sidecar-wait=5s",
		"taskflow.eventing.initial-backoff=100ms", "taskflow.eventing.max-backoff=400ms",
		"taskflow.eventing.retry-interval=100ms" })
class ReminderDaprTests {

	static final String DAPR_API_TOKEN = "reminders-token-the-sidecar-expects";

	static final String APP_API_TOKEN = "reminders-token-the-app-expects";

	static final JobsSidecarStandIn SIDECAR = new JobsSidecarStandIn();

	@TestConfiguration(proxyBeanMethods = false)
	static class Sidecar {

		@Bean
		DynamicPropertyRegistrar jobsSidecarStandIn() {
			return registry -> registry.add("taskflow.dapr.http-endpoint", SIDECAR::endpoint);
		}
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	TestUser ann;

	@BeforeEach
	void healthySidecarAndANewUser() throws Exception {
		SIDECAR.reset();
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void aTasksPendingRemindersBecomeDaprJobsScheduledWithTheApiToken() throws Exception {
		Instant due = inSeconds(7200);
		Instant at = inSeconds(3600);
		long id = create("{\"title\": \"Dentist\", \"due_at\": \"%s\", \"reminders\": [{\"at\": \"%s\"}, {\"before\": \"PT30M\"}]}"
			.formatted(due, at));

		assertThat(deliverTaskEvent(id, 1)).isEqualTo("SUCCESS");

		List<JobsSidecarStandIn.Request> jobs = jobCallsOf(id);
		Instant relative = due.minus(Duration.ofMinutes(30));
		assertThat(jobs).extracting(JobsSidecarStandIn.Request::jobName)
			.containsExactly("reminder-" + id + "-0-" + at.getEpochSecond(),
					"reminder-" + id + "-1-" + relative.getEpochSecond());
		for (int position = 0; position < 2; position++) {
			JobsSidecarStandIn.Request job = jobs.get(position);
			assertThat(job.method()).isEqualTo("POST");
			assertThat(job.header("dapr-api-token")).isEqualTo(DAPR_API_TOKEN);
			assertThat(MediaType.parseMediaType(job.header("content-type")).isCompatibleWith(MediaType.APPLICATION_JSON))
				.isTrue();
			JsonNode body = json.readTree(job.body());
			assertThat(body.propertyNames()).containsExactlyInAnyOrder("dueTime", "data", "overwrite");
			assertThat(Instant.parse(body.get("dueTime").asString())).isEqualTo(position == 0 ? at : relative);
			assertThat(body.get("overwrite").asBoolean()).isTrue();
			assertThat(body.at("/data/task_id").asLong()).isEqualTo(id);
			assertThat(body.at("/data/position").asInt()).isEqualTo(position);
		}
	}

	@Test
	void aJobCallbackFiresItsReminderOnceAndTheEventLeavesThroughTheSidecar() throws Exception {
		Instant at = inSeconds(-60);
		long id = create("{\"title\": \"Call back\", \"due_at\": \"2030-01-02\", \"reminders\": [{\"at\": \"%s\"}]}"
			.formatted(at));
		String job = "reminder-" + id + "-0-" + at.getEpochSecond();

		assertThat(fired(fromDapr("/job/" + job))).isEqualTo(1);

		JobsSidecarStandIn.Request publish = await()
			.until(() -> SIDECAR.published(Topics.REMINDERS, id), published -> !published.isEmpty())
			.get(0);
		assertThat(publish.header("content-type")).startsWith("application/cloudevents+json");
		assertThat(publish.header("dapr-api-token")).isEqualTo(DAPR_API_TOKEN);
		JsonNode event = json.readTree(publish.body());
		assertThat(EventSchemas.violations(Topics.REMINDERS, event)).isEmpty();
		assertThat(event.get("type").asString()).isEqualTo("reminder.due");
		assertThat(event.at("/data/task_id").asLong()).isEqualTo(id);
		assertThat(event.at("/data/user_id").asString()).isEqualTo(ann.id());
		assertThat(event.at("/data/due_at").asString()).isEqualTo("2030-01-02");
		assertThat(Instant.parse(event.at("/data/remind_at").asString())).isEqualTo(at);
		assertThat(sent(id)).isTrue();

		assertThat(fired(fromDapr("/job/" + job))).as("a repeated trigger").isZero();
	}

	@Test
	void aJobForAReminderThatHasMovedFiresNothing() throws Exception {
		JsonNode task = createTask("{\"title\": \"Moving\", \"due_at\": \"%s\", \"reminders\": [{\"before\": \"PT20M\"}]}"
			.formatted(inSeconds(600)));
		long id = task.get("id").asLong();
		Instant old = Instant.parse(task.at("/reminders/0/remind_at").asString());
		JsonNode moved = json(mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"due_at\": \"%s\"}".formatted(inSeconds(86_400)))).andExpect(status().isOk()).andReturn());
		Instant current = Instant.parse(moved.at("/reminders/0/remind_at").asString());

		assertThat(fired(fromDapr("/job/reminder-" + id + "-0-" + old.getEpochSecond()))).as("stale job").isZero();
		assertThat(fired(fromDapr("/job/reminder-" + id + "-0-" + current.getEpochSecond()))).as("not due yet").isZero();
		assertThat(sent(id)).isFalse();
	}

	@Test
	void theCronBindingSweepsEveryDueReminder() throws Exception {
		long absolute = create("{\"title\": \"Past\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(-120)));
		long relative = create("{\"title\": \"Soon due\", \"due_at\": \"%s\", \"reminders\": [{\"before\": \"PT1H\"}]}"
			.formatted(inSeconds(1800)));
		long later = create("{\"title\": \"Later\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(3600)));

		assertThat(fired(fromDapr("/reminder-cron"))).isGreaterThanOrEqualTo(2);

		await().untilAsserted(() -> {
			assertThat(SIDECAR.published(Topics.REMINDERS, absolute)).hasSize(1);
			assertThat(SIDECAR.published(Topics.REMINDERS, relative)).hasSize(1);
		});
		assertThat(sent(absolute)).isTrue();
		assertThat(sent(relative)).isTrue();
		assertThat(sent(later)).isFalse();
	}

	@Test
	void whenTheJobsApiFailsTheEventIsStillAcceptedAndTheCronSweepFiresTheReminder() throws Exception {
		SIDECAR.answerJobsWith(500);
		long id = create("{\"title\": \"No scheduler\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(2)));

		assertThat(deliverTaskEvent(id, 1)).isEqualTo("SUCCESS");
		assertThat(jobCallsOf(id)).singleElement().satisfies(job -> assertThat(job.answeredWith()).isEqualTo(500));

		await().pollInterval(Duration.ofMillis(250)).until(() -> {
			fired(fromDapr("/reminder-cron"));
			return !SIDECAR.published(Topics.REMINDERS, id).isEmpty();
		});
		assertThat(sent(id)).isTrue();
	}

	@Test
	void completingATaskCancelsItsJobsAndItsDueRemindersNeverFire() throws Exception {
		Instant at = inSeconds(3600);
		long id = create("{\"title\": \"Cancel me\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(at));
		assertThat(deliverTaskEvent(id, 1)).isEqualTo("SUCCESS");
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());

		assertThat(deliverTaskEvent(id, 2)).isEqualTo("SUCCESS");

		assertThat(jobCallsOf(id)).extracting(JobsSidecarStandIn.Request::method).containsExactly("POST", "DELETE");
		JobsSidecarStandIn.Request cancel = jobCallsOf(id).get(1);
		assertThat(cancel.jobName()).isEqualTo("reminder-" + id + "-0-" + at.getEpochSecond());
		assertThat(cancel.header("dapr-api-token")).isEqualTo(DAPR_API_TOKEN);

		Instant past = inSeconds(-60);
		long done = create("{\"title\": \"Done\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(past));
		mvc.perform(ann.as(post("/api/tasks/" + done + "/complete"))).andExpect(status().isOk());
		assertThat(fired(fromDapr("/job/reminder-" + done + "-0-" + past.getEpochSecond()))).isZero();
		fired(fromDapr("/reminder-cron"));
		assertThat(sent(done)).isFalse();
	}

	@Test
	void theReminderRoutesRefuseCallsWithoutTheAppApiTokenAndFireNothing() throws Exception {
		Instant at = inSeconds(-60);
		long id = create("{\"title\": \"Guarded\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(at));

		for (String token : new String[] { null, "wrong-token" }) {
			for (String path : List.of("/reminder-cron", "/job/reminder-" + id + "-0-" + at.getEpochSecond())) {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
					.POST(HttpRequest.BodyPublishers.noBody());
				if (token != null) {
					request.header("dapr-api-token", token);
				}
				HttpResponse<String> response = send(request);
				assertThat(response.statusCode()).as("%s with token %s", path, token).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			}
		}
		assertThat(sent(id)).isFalse();
	}

	@Test
	void aJobThatIsNotAReminderIsNotFound() throws Exception {
		HttpResponse<String> response = send(fromDapr("/job/backup-the-database").POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/** Hands the {@code n}-th task event of a task (published through the stand-in) to the app as daprd would. */
	private String deliverTaskEvent(long taskId, int n) throws Exception {
		return SIDECAR.deliverTaskEvent(base(), APP_API_TOKEN, taskId, n);
	}

	private static List<JobsSidecarStandIn.Request> jobCallsOf(long taskId) {
		return SIDECAR.jobCalls().stream().filter(job -> job.jobName().startsWith("reminder-" + taskId + "-")).toList();
	}

	/** Calls a reminder route as daprd does; how many reminders it fired. */
	private int fired(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = send(request.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("fired").asInt();
	}

	private HttpRequest.Builder fromDapr(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path)).header("dapr-api-token", APP_API_TOKEN);
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Instant inSeconds(long seconds) {
		return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
	}

	private long create(String body) throws Exception {
		return createTask(body).get("id").asLong();
	}

	private JsonNode createTask(String body) throws Exception {
		return json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private boolean sent(long id) throws Exception {
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		return task.at("/reminders/0/sent").asBoolean();
	}
}
