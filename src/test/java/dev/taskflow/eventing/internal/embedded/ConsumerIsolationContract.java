package dev.taskflow.eventing.internal.embedded;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.RecordingConsumer;
import dev.taskflow.eventing.Topics;
import dev.taskflow.support.TestUsers;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a dispatcher per consumer, one that is stuck in a delivery (or far behind) does not hold up
 * another consumer of the same events. PostgreSQL's default; on H2 it is switched on here.
 */
@Import({ RecordingConsumer.Config.class, ConsumerIsolationContract.StuckConsumer.Config.class })
abstract class ConsumerIsolationContract {

	@Autowired
	TaskManagement tasks;

	@Autowired
	Accounts accounts;

	@Autowired
	RecordingConsumer recorder;

	@Autowired
	StuckConsumer stuck;

	@AfterEach
	void unstick() {
		stuck.release.countDown();
	}

	@Test
	void aConsumerStuckInADeliveryDoesNotHoldUpTheOthers() throws Exception {
		CurrentUser ann = accounts.register("isolated-" + UUID.randomUUID() + "@example.com", TestUsers.PASSWORD, "UTC");

		long first = tasks.create(ann, TaskDraft.titled("First")).id();
		assertThat(stuck.entered.await(30, TimeUnit.SECONDS)).as("the stuck consumer got the first event").isTrue();
		long second = tasks.create(ann, TaskDraft.titled("Second")).id();

		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, second)).hasSize(1));
		assertThat(recorder.of(Topics.TASK_EVENTS, first)).hasSize(1);
		assertThat(stuck.handled.get()).as("still inside its first delivery").isZero();

		stuck.release.countDown();
		await().until(() -> stuck.handled.get() == 2);
	}

	/** Holds its first delivery until released. */
	static class StuckConsumer implements EventConsumer {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger handled = new AtomicInteger();

		@Override
		public String name() {
			return "test-stuck";
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
			entered.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			handled.incrementAndGet();
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Config {

			@Bean
			StuckConsumer stuckConsumer() {
				return new StuckConsumer();
			}
		}
	}
}
