package dev.taskflow.eventing.internal.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher delivers what is queued together in one transaction, and a failure inside such a
 * group costs nothing but a second pass: every other delivery still takes effect exactly once, in
 * its lane's order.
 */
@TaskFlowTest
@Import(GroupedDeliveryTests.Tally.Config.class)
@TestPropertySource(properties = { "taskflow.eventing.initial-backoff=50ms", "taskflow.eventing.max-backoff=100ms" })
class GroupedDeliveryTests {

	@Autowired
	DeliveryQueue queue;

	@Autowired
	EmbeddedDispatcher dispatcher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	Tally tally;

	@Test
	void deliveriesQueuedTogetherTakeEffectInOneTransaction() {
		String run = UUID.randomUUID().toString();
		List<String> queued = queueTogether(run, List.of("a"), 10, -1);

		await().until(() -> tally.committed(run).size() == 10);

		assertThat(tally.committed(run)).containsExactlyElementsOf(queued);
		assertThat(tally.transactions(run)).isEqualTo(1);
	}

	@Test
	void aFailureInAGroupRollsItBackAndEveryOtherDeliveryTakesEffectOnceInLaneOrder() {
		String run = UUID.randomUUID().toString();
		// a0 b0 a1 b1 …; b2 (the sixth) fails on its first attempt
		List<String> queued = queueTogether(run, List.of("a", "b"), 12, 5);

		await().until(() -> tally.committed(run).size() == 12);

		List<String> committed = tally.committed(run);
		assertThat(committed).containsExactlyInAnyOrderElementsOf(queued);
		assertThat(committed.stream().filter(name -> name.startsWith("a")).toList())
			.containsExactlyElementsOf(queued.stream().filter(name -> name.startsWith("a")).toList());
		assertThat(committed.stream().filter(name -> name.startsWith("b")).toList())
			.containsExactlyElementsOf(queued.stream().filter(name -> name.startsWith("b")).toList());
		assertThat(tally.attempts(run, "b2")).isGreaterThanOrEqualTo(2);
	}

	/**
	 * Queues {@code count} events in one transaction, round robin over {@code lanes}; they are named
	 * after lane and position ("a0", "b0", "a1" …), and the one at index {@code failing} fails once.
	 */
	private List<String> queueTogether(String run, List<String> lanes, int count, int failing) {
		List<String> names = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				String lane = lanes.get(i % lanes.size());
				String name = lane + (i / lanes.size());
				ObjectNode data = json.createObjectNode().put("run", run).put("name", name).put("fail_once", i == failing);
				EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "/tests", "test.happened", Instant.now(),
						null, run + "-" + lane, null, data);
				queue.enqueue(List.of(Tally.NAME), Tally.TOPIC, event, json.writeValueAsString(event.toJson(json)));
				names.add(name);
			}
		});
		dispatcher.wake(List.of(Tally.NAME));
		return names;
	}

	/** Counts attempts as they happen, and effects and transactions once they commit. */
	static class Tally implements EventConsumer {

		static final String NAME = "grouping-tally";

		static final String TOPIC = "grouping-tests";

		private final Map<String, List<String>> committed = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> transactions = new ConcurrentHashMap<>();

		private final List<String> attempts = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public String role() {
			return "audit";
		}

		@Override
		public Set<String> topics() {
			return Set.of(TOPIC);
		}

		@Override
		public void handle(EventEnvelope event) {
			String run = event.data().get("run").asString();
			String name = event.data().get("name").asString();
			attempts.add(run + "/" + name);
			if (event.data().get("fail_once").asBoolean() && attempts(run, name) == 1) {
				throw new IllegalStateException("fails the first time");
			}
			countTransaction(run);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					committed.computeIfAbsent(run, r -> new CopyOnWriteArrayList<>()).add(name);
				}
			});
		}

		/** Counts each committed transaction once, however many deliveries it held. */
		private void countTransaction(String run) {
			if (TransactionSynchronizationManager.hasResource(this)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(this, run);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					transactions.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResource(Tally.this);
				}
			});
		}

		List<String> committed(String run) {
			return committed.getOrDefault(run, List.of());
		}

		int transactions(String run) {
			return transactions.getOrDefault(run, new AtomicInteger()).get();
		}

		long attempts(String run, String name) {
			return attempts.stream().filter((run + "/" + name)::equals).count();
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Config {

			@Bean
			Tally groupingTally() {
				return new Tally();
			}
		}
	}
}
