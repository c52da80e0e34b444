package dev.taskflow.reminders.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.taskflow.reminders.ReminderRecorder;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Several schedulers on one database (replicas, or a restart) claim each reminder once, and a
 * reminder that came due while no scheduler ran fires when one starts.
 */
@ReminderTest
class ReminderClaimTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReminderRecorder recorder;

	@Autowired
	List<EmbeddedReminderScheduler> schedulers;

	@Autowired
	ReminderFiring firing;

	@Autowired
	JdbcClient jdbc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void twoRunningSchedulersClaimEachReminderOnce() throws Exception {
		assertThat(schedulers).hasSize(2).allSatisfy(scheduler -> assertThat(scheduler.isRunning()).isTrue());
		Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
		List<Long> tasks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			tasks.add(create("{\"title\": \"Race %d\", \"reminders\": [{\"at\": \"%s\"}, {\"at\": \"%s\"}]}".formatted(i,
					at, at.plusMillis(1))));
		}

		await().untilAsserted(() -> assertThat(tasks).allSatisfy(id -> assertThat(recorder.delivered(id)).hasSize(2)));

		assertThat(tasks).allSatisfy(id -> assertThat(recorder.published(id)).hasSize(2));
	}

	@Test
	void concurrentSweepsClaimEachDueReminderOnce() throws Exception {
		List<Long> tasks = new ArrayList<>();
		whileStopped(() -> {
			Instant past = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
			for (int i = 0; i < 30; i++) {
				tasks.add(create("{\"title\": \"Sweep %d\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(i, past)));
			}
			sweepConcurrently(4);
		});

		assertThat(tasks).allSatisfy(id -> assertThat(recorder.published(id)).hasSize(1));
		await().untilAsserted(() -> assertThat(tasks).allSatisfy(id -> assertThat(recorder.delivered(id)).hasSize(1)));
	}

	@Test
	void aReminderMissedWhileNoSchedulerRanFiresOnStartUp() throws Exception {
		long[] id = new long[1];
		whileStopped(() -> {
			id[0] = create("{\"title\": \"Missed\", \"reminders\": [{\"at\": \"%s\"}]}"
				.formatted(Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS)));
			assertThat(sent(id[0])).isFalse();
			assertThat(recorder.published(id[0])).isEmpty();
		});

		await().untilAsserted(() -> assertThat(recorder.delivered(id[0])).hasSize(1));
		assertThat(recorder.published(id[0])).hasSize(1);
		assertThat(sent(id[0])).isTrue();
	}

	@Test
	void aReminderThatCannotFireIsSetAsideAndTheOthersStillFire() throws Exception {
		long[] ids = new long[2];
		whileStopped(() -> {
			Instant past = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
			ids[0] = create("{\"title\": \"Poisoned\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(past));
			ids[1] = create("{\"title\": \"Healthy\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(past));
			// a moment the API refuses today, as rows written before that rule may still hold: it is the
			// most overdue of all, and measuring its lateness overflows
			jdbc.sql("update task_reminders set remind_at = :ancient where task_id = :id")
				.param("ancient", OffsetDateTime.of(-300_000_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
				.param("id", ids[0])
				.update();

			assertThat(firing.fireDue()).isEqualTo(new ReminderFiring.Sweep(1, 1));
			assertThat(firing.fireDue()).as("a set-aside reminder is not tried again").isEqualTo(new ReminderFiring.Sweep(0, 0));
		});

		await().untilAsserted(() -> assertThat(recorder.delivered(ids[1])).hasSize(1));
		assertThat(sent(ids[0])).as("the failed firing was rolled back").isFalse();
		assertThat(recorder.delivered(ids[0])).isEmpty();
		assertThat(jdbc.sql("select failure from task_reminders where task_id = :id").param("id", ids[0])
			.query(String.class).single()).contains("ArithmeticException");
	}

	interface Work {

		void run() throws Exception;
	}

	/** Runs {@code work} with every scheduler stopped, as if the service were down; starts them again. */
	private void whileStopped(Work work) throws Exception {
		schedulers.forEach(EmbeddedReminderScheduler::stop);
		try {
			work.run();
		}
		finally {
			schedulers.forEach(EmbeddedReminderScheduler::start);
		}
	}

	private void sweepConcurrently(int sweeps) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(sweeps);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ReminderFiring.Sweep>> sweepsDone = new ArrayList<>();
			for (int i = 0; i < sweeps; i++) {
				Callable<ReminderFiring.Sweep> sweep = () -> {
					start.await();
					return firing.fireDue();
				};
				sweepsDone.add(threads.submit(sweep));
			}
			start.countDown();
			for (Future<ReminderFiring.Sweep> sweep : sweepsDone) {
				assertThat(sweep.get().failed()).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private long create(String body) throws Exception {
		return json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asLong();
	}

	private boolean sent(long id) throws Exception {
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		return task.at("/reminders/0/sent").asBoolean();
	}
}
