package dev.taskflow.eventing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import dev.taskflow.TaskFlowApplication;
import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.config.StalenessProperties;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox: task writes succeed while the transport is down, and every event is published, in
 * per-task order, once it is back, even if the application was restarted in between.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxTests {

	private final String database = "jdbc:h2:mem:outbox-" + UUID.randomUUID()
			+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@BeforeEach
	void brokerUp() {
		SwitchableTransport.PUBLISHED.clear();
		SwitchableTransport.down = false;
		SwitchableTransport.refused = 0;
		SwitchableTransport.gate = null;
	}

	@AfterEach
	void reset() {
		SwitchableTransport.down = false;
		SwitchableTransport.gate = null;
	}

	@Test
	void writesSucceedWhileTheTransportIsDownAndEverythingIsPublishedInOrderOnceItRecovers() {
		try (ConfigurableApplicationContext app = start()) {
			SwitchableTransport.down = true;
			CurrentUser ann = signUp(app);
			List<Long> ids = changeTasks(app, ann);
			// each task's first event failed; the later ones wait for it (and nothing is retried
			// while the transport cannot be reached)
			await().until(() -> failedPublications(app) >= 8);
			assertThat(SwitchableTransport.PUBLISHED).isEmpty();

			SwitchableTransport.down = false;

			await().untilAsserted(() -> ids.forEach(id -> assertThat(SwitchableTransport.taskEvents(id)).hasSize(4)));
			ids.forEach(OutboxTests::assertPublishedInOrder);
			await().until(() -> incompletePublications(app) == 0);
		}
	}

	@Test
	void onceAnUnreachableTransportAnswersAgainEveryWaitingEventGoesOutWithoutWaitingForItsBackoff() {
		try (ConfigurableApplicationContext app = start("taskflow.eventing.initial-backoff=1h",
				"taskflow.eventing.max-backoff=1h")) {
			SwitchableTransport.down = true;
			CurrentUser ann = signUp(app);
			TaskManagement tasks = app.getBean(TaskManagement.class);
			List<Long> ids = List.of("Alpha", "Beta", "Gamma")
				.stream()
				.map(title -> tasks.create(ann, TaskDraft.titled(title)).id())
				.toList();
			// failed: the relay has seen the transport unreachable (it notes that before it throws)
			await().until(() -> failedPublications(app) >= ids.size());

			SwitchableTransport.down = false;

			// an hour's backoff each, yet out within the await's 10 s
			await().untilAsserted(() -> ids.forEach(id -> assertThat(SwitchableTransport.taskEvents(id))
				.extracting(EventEnvelope::type)
				.containsExactly("task.created")));
			await().until(() -> incompletePublications(app) == 0);
		}
	}

	@Test
	void duringAnOutageNewEventsWaitWithoutTryingTheTransportAndTheOutageIsTwoLinesOfLog(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start()) {
			CurrentUser ann = signUp(app);
			await().until(() -> incompletePublications(app) == 0);
			SwitchableTransport.down = true;
			TaskManagement tasks = app.getBean(TaskManagement.class);
			List<Long> ids = new ArrayList<>();
			ids.add(tasks.create(ann, TaskDraft.titled("Alpha")).id());
			await().until(() -> failedPublications(app) == 1);

			List.of("Beta", "Gamma", "Delta").forEach(title -> ids.add(tasks.create(ann, TaskDraft.titled(title)).id()));
			await().until(() -> failedPublications(app) == 4);
			// only Alpha's relay asked the transport; the others knew it was unreachable
			assertThat(SwitchableTransport.refused).isEqualTo(1);

			SwitchableTransport.down = false;
			await().untilAsserted(() -> ids.forEach(id -> assertThat(SwitchableTransport.taskEvents(id))
				.extracting(EventEnvelope::type)
				.containsExactly("task.created")));
			await().until(() -> incompletePublications(app) == 0);
		}
		assertThat(output.getAll()).containsOnlyOnce("Events cannot be relayed, the transport is unreachable")
			.containsOnlyOnce("The transport answers again")
			.contains(" held back meanwhile)")
			.doesNotContain("Event not relayed")
			.doesNotContain("Invocation of listener");
	}

	@Test
	void theStalenessCheckLeavesPublicationsThatWaitTheirTurnAlone() {
		try (ConfigurableApplicationContext app = start()) {
			CurrentUser ann = signUp(app);
			await().until(() -> incompletePublications(app) == 0);
			CountDownLatch slowBroker = new CountDownLatch(1);
			SwitchableTransport.gate = slowBroker;
			TaskManagement tasks = app.getBean(TaskManagement.class);
			List<Long> ids = IntStream.range(0, 12).mapToObj(i -> tasks.create(ann, TaskDraft.titled("Task " + i)).id()).toList();
			// the relay's eight threads wait on the broker, the other events wait for a thread
			await().until(() -> publicationsIn(app, "PROCESSING") == 8 && publicationsIn(app, "PUBLISHED") == 4);

			app.getBean(EventPublicationRegistry.class).markStalePublicationsFailed(app.getBean(StalenessProperties.class));

			assertThat(publicationsIn(app, "FAILED")).isZero();
			slowBroker.countDown();
			await().until(() -> incompletePublications(app) == 0);
			ids.forEach(id -> assertThat(SwitchableTransport.taskEvents(id)).extracting(EventEnvelope::type)
				.containsExactly("task.created"));
		}
	}

	@Test
	void publicationsLeftIncompleteByACrashArePublishedAfterARestart() {
		List<Long> ids;
		try (ConfigurableApplicationContext app = start()) {
			SwitchableTransport.down = true;
			ids = changeTasks(app, signUp(app));
			await().until(() -> failedPublications(app) >= 8);
		}
		assertThat(SwitchableTransport.PUBLISHED).isEmpty();

		SwitchableTransport.down = false;
		try (ConfigurableApplicationContext app = start()) {
			await().untilAsserted(() -> ids.forEach(id -> assertThat(SwitchableTransport.taskEvents(id)).hasSize(4)));
			ids.forEach(OutboxTests::assertPublishedInOrder);
		}
	}

	/** Two tasks, four changes each: created, updated twice, completed. */
	private static List<Long> changeTasks(ConfigurableApplicationContext app, CurrentUser owner) {
		TaskManagement tasks = app.getBean(TaskManagement.class);
		return List.of("Alpha", "Beta").stream().map(title -> {
			Task task = tasks.create(owner, TaskDraft.titled(title));
			tasks.change(owner, task.id(), draft -> draft.withDetails(draft.title() + " 2", null, Priority.LOW,
					draft.tags(), null), null);
			tasks.change(owner, task.id(), draft -> draft.withPriority(Priority.HIGH), null);
			tasks.complete(owner, task.id(), null);
			return task.id();
		}).toList();
	}

	private static void assertPublishedInOrder(long taskId) {
		List<EventEnvelope> events = SwitchableTransport.taskEvents(taskId);
		assertThat(events).extracting(e -> e.data().get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L);
		assertThat(events).extracting(EventEnvelope::type)
			.containsExactly("task.created", "task.updated", "task.updated", "task.completed");
		assertThat(events.get(2).data().at("/changes/priority/new").asString()).isEqualTo("high");
	}

	private static CurrentUser signUp(ConfigurableApplicationContext app) {
		return app.getBean(Accounts.class).register("outbox-" + UUID.randomUUID() + "@example.com",
				"a long enough passphrase", "UTC");
	}

	private static int incompletePublications(ConfigurableApplicationContext app) {
		return app.getBean(JdbcClient.class)
			.sql("select count(*) from event_publication where completion_date is null")
			.query(Integer.class)
			.single();
	}

	private static int failedPublications(ConfigurableApplicationContext app) {
		return publicationsIn(app, "FAILED");
	}

	private static int publicationsIn(ConfigurableApplicationContext app, String status) {
		return app.getBean(JdbcClient.class)
			.sql("select count(*) from event_publication where status = :status")
			.param("status", status)
			.query(Integer.class)
			.single();
	}

	/** Starts TaskFlow on this test's database; {@code settings} ({@code name=value}) override the short retry defaults. */
	private ConfigurableApplicationContext start(String... settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", database);
		properties.put("taskflow.eventing.initial-backoff", "100ms");
		properties.put("taskflow.eventing.max-backoff", "500ms");
		properties.put("taskflow.eventing.retry-interval", "100ms");
		for (String setting : settings) {
			properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
		}
		return new SpringApplicationBuilder(TaskFlowApplication.class, SwitchableTransport.Config.class)
			.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}
}
