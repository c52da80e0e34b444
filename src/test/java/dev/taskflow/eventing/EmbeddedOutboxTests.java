package dev.taskflow.eventing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The embedded queue is its own outbox: a change's deliveries are written in the change's transaction,
 * commit or roll back with it, and leave no publication behind for a relay to finish.
 */
@TaskFlowTest
@Import(RecordingConsumer.Config.class)
class EmbeddedOutboxTests {

	@Autowired
	TaskManagement tasks;

	@Autowired
	Accounts accounts;

	@Autowired
	Outbox outbox;

	@Autowired
	RecordingConsumer recorder;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeQueuesItsDeliveriesInItsOwnTransactionWithoutAPublicationRow() {
		CurrentUser ann = signUp();
		int publicationsBefore = publications();

		long id = transactions.execute(status -> {
			Task task = tasks.create(ann, TaskDraft.titled("Queued with the task"));
			assertThat(queuedFor(task.id())).as("deliveries queued inside the creating transaction").isPositive();
			assertThat(publications()).as("publication rows inside the creating transaction")
				.isEqualTo(publicationsBefore);
			return task.id();
		});

		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, id)).hasSize(1));
		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_UPDATES, id)).hasSize(1));
	}

	@Test
	void aChangeThatRollsBackQueuesNothing() {
		CurrentUser bob = signUp();

		long id = transactions.execute(status -> {
			Task task = tasks.create(bob, TaskDraft.titled("Never happened"));
			status.setRollbackOnly();
			return task.id();
		});
		long later = tasks.create(bob, TaskDraft.titled("Happened")).id();

		await().untilAsserted(() -> assertThat(recorder.of(Topics.TASK_EVENTS, later)).hasSize(1));
		assertThat(queuedFor(id)).isZero();
		assertThat(recorder.of(Topics.TASK_EVENTS, id)).isEmpty();
		assertThat(recorder.of(Topics.TASK_UPDATES, id)).isEmpty();
	}

	@Test
	void aConsumerIsQueuedOnlyTheTypesItWants() {
		CurrentUser cy = signUp();

		List<String> queued = transactions.execute(status -> {
			Task task = tasks.create(cy, TaskDraft.titled("Water the plants"));
			tasks.complete(cy, task.id(), null);
			return jdbc.sql("select event_type from embedded_deliveries where consumer = 'recurrence' and partition_key = :key")
				.param("key", String.valueOf(task.id()))
				.query(String.class)
				.list();
		});

		assertThat(queued).containsExactly("task.completed");
	}

	@Test
	void anEventOutsideATransactionIsRefusedRatherThanQueuedForAChangeThatMayRollBack() {
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/taskflow/tests", "test.nothing", Instant.now(),
				"1", "1", null, JsonNodeFactory.instance.objectNode());

		assertThatIllegalStateException().isThrownBy(() -> outbox.publish(OutgoingEvent.unordered(Topics.TASK_EVENTS,
				envelope)));
	}

	private CurrentUser signUp() {
		return accounts.register("outbox-" + UUID.randomUUID() + "@example.com", TestUsers.PASSWORD, "UTC");
	}

	private int queuedFor(long taskId) {
		return jdbc.sql("select count(*) from embedded_deliveries where topic = :topic and partition_key = :key")
			.param("topic", Topics.TASK_EVENTS)
			.param("key", String.valueOf(taskId))
			.query(Integer.class)
			.single();
	}

	private int publications() {
		return jdbc.sql("select count(*) from event_publication").query(Integer.class).single();
	}
}
