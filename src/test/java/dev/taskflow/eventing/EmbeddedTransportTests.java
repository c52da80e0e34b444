package dev.taskflow.eventing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.taskflow.platform.AfterCommit;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Retries, ordering, dead letters and replay in the embedded transport, seen by a picky consumer. */
@TaskFlowTest
@Import(EmbeddedTransportTests.PickyConsumer.Config.class)
@TestPropertySource(properties = { "taskflow.eventing.max-attempts=3", "taskflow.eventing.initial-backoff=50ms",
		"taskflow.eventing.max-backoff=100ms", "taskflow.accounts.operators=ops@example.com" })
class EmbeddedTransportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PickyConsumer picky;

	@Test
	void aFailingDeliveryIsRetriedInOrderAndAPoisonEventIsDeadLetteredWithoutBlockingOthers() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long flaky = create(ann, "flaky");
		rename(ann, flaky, "flaky again");
		long poison = create(ann, "poison");
		long healthy = create(ann, "healthy");

		await().untilAsserted(() -> assertThat(picky.handled(flaky)).containsExactly("task.created", "task.updated"));
		// at least one failed attempt and one that went through (a group that rolled back adds one more)
		assertThat(picky.attempts("flaky")).isBetween(2L, 3L);
		// what comes after commit, once per event whatever the attempts before
		await().untilAsserted(() -> assertThat(picky.afterCommits(flaky)).containsExactly("task.created", "task.updated"));
		await().untilAsserted(() -> assertThat(picky.handled(healthy)).containsExactly("task.created"));
		await().untilAsserted(() -> assertThat(picky.afterCommits(healthy)).containsExactly("task.created"));
		assertThat(picky.handled(poison)).isEmpty();
		assertThat(picky.afterCommits(poison)).isEmpty();

		TestUser ops = TestUsers.signUp(mvc);
		mvc.perform(ops.as(get("/actuator/eventing"))).andExpect(status().isForbidden());
		signUpOperator();
		await().untilAsserted(() -> mvc.perform(get("/actuator/eventing").with(httpBasic("ops@example.com", TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transport").value("embedded"))
			.andExpect(jsonPath("$.dead_letter_count").value(greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$.dead_letters[?(@.consumer == 'picky')].attempts").value(org.hamcrest.Matchers.hasItem(3))));

		picky.cure();
		mvc.perform(post("/actuator/eventing/replay").with(httpBasic("ops@example.com", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replayed").value(1)); // not "healthy": failing after commit is no failed delivery
		await().untilAsserted(() -> assertThat(picky.handled(poison)).containsExactly("task.created"));
		await().untilAsserted(() -> assertThat(picky.afterCommits(poison)).containsExactly("task.created"));
	}

	/** docs/events.md's commands as written: a number for the id, and a readable refusal of a mistyped action. */
	@Test
	void theOperatorsDocumentedCommandsWorkAsWritten() throws Exception {
		signUpOperator();
		mvc.perform(post("/actuator/eventing/replay").with(httpBasic("ops@example.com", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"id\": 42}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replayed").value(0));
		mvc.perform(post("/actuator/eventing/replay-all").with(httpBasic("ops@example.com", TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("use resubmit or replay")));
		mvc.perform(get("/actuator/eventing").with(httpBasic("ops@example.com", TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.incomplete_publications").isNumber())
			.andExpect(jsonPath("$.dead_letter_count").isNumber());
	}

	@Test
	void operatorEndpointsAreClosedToAnonymousCallers() throws Exception {
		mvc.perform(get("/actuator/eventing")).andExpect(status().isUnauthorized());
		mvc.perform(post("/actuator/eventing/resubmit")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	private void signUpOperator() throws Exception {
		mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"ops@example.com\", \"password\": \"" + TestUsers.PASSWORD + "\"}"));
	}

	private long create(TestUser user, String title) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + title + "\"}")).andExpect(status().isCreated()).andReturn()).get("id").asLong();
	}

	private void rename(TestUser user, long id, String title) throws Exception {
		mvc.perform(user.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + title + "\"}")).andExpect(status().isOk());
	}

	/**
	 * Fails the first attempt for "flaky" tasks and every attempt for "poison" ones until cured, and what
	 * it does after commit for "healthy" ones.
	 */
	static class PickyConsumer implements EventConsumer {

		record Handled(long taskId, String type) {
		}

		private final List<Handled> handled = new CopyOnWriteArrayList<>();

		private final List<String> attempts = new CopyOnWriteArrayList<>();

		private final List<Handled> afterCommits = new CopyOnWriteArrayList<>();

		private volatile boolean cured;

		@Override
		public String name() {
			return "picky";
		}

		@Override
		public String role() {
			return "audit";
		}

		@Override
		public Set<String> topics() {
			return Set.of(Topics.TASK_EVENTS);
		}

		@Override
		public void handle(EventEnvelope event) {
			String title = event.data().at("/task/title").asString();
			attempts.add(title);
			if (title.equals("poison") && !cured) {
				throw new IllegalStateException("cannot digest poison");
			}
			if (title.equals("flaky") && attempts("flaky") == 1) {
				throw new IllegalStateException("first attempt fails");
			}
			AfterCommit.run(() -> handled.add(new Handled(event.data().get("task_id").asLong(), event.type())));
		}

		@Override
		public void afterCommit(EventEnvelope event) {
			afterCommits.add(new Handled(event.data().get("task_id").asLong(), event.type()));
			if (event.data().at("/task/title").asString().equals("healthy")) {
				throw new IllegalStateException("the effect after commit fails");
			}
		}

		List<String> handled(long taskId) {
			return handled.stream().filter(h -> h.taskId() == taskId).map(Handled::type).toList();
		}

		List<String> afterCommits(long taskId) {
			return afterCommits.stream().filter(h -> h.taskId() == taskId).map(Handled::type).toList();
		}

		long attempts(String title) {
			return attempts.stream().filter(title::equals).count();
		}

		void cure() {
			cured = true;
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Config {

			@Bean
			PickyConsumer pickyConsumer() {
				return new PickyConsumer();
			}
		}
	}
}
