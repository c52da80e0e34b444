package dev.taskflow.eventing.internal.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.eventing.internal.EventingProperties;
import dev.taskflow.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the queued events of some consumers (one, or all of this process's: see
 * {@link EmbeddedDispatcher}) on a background thread of its own. A lane (consumer, topic, partition
 * key) is served strictly in order: while its head waits for a retry, the rest of the lane waits too,
 * so a task's events are never handled out of order. After the last attempt a delivery becomes a dead
 * letter, which unblocks its lane; an operator can inspect and replay it.
 *
 * <p>What is due is delivered in groups, each group in one transaction: every delivery's inbox entry,
 * its consumer's effect and its removal from the queue commit together, as they would one by one, but
 * with one commit for the group instead of one per delivery (a durable commit is what an embedded
 * write costs most). If anything in a group fails, the group rolls back whole and is delivered again
 * one by one, which finds the delivery at fault and retries or dead-letters only that one.
 */
class ConsumerDispatcher extends BackgroundWorker {

	private static final Logger log = LoggerFactory.getLogger(ConsumerDispatcher.class);

	private static final int BATCH = 500;

	/** Deliveries per transaction: enough to share a commit among many, few enough to hold locks briefly. */
	private static final int GROUP = 64;

	private static final Duration IDLE_POLL = Duration.ofSeconds(1);

	private final Map<String, EventConsumer> served;

	private final DeliveryQueue queue;

	private final ConsumerInvoker consumers;

	private final EventingProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ConsumerDispatcher(String name, List<EventConsumer> served, DeliveryQueue queue, ConsumerInvoker consumers,
			EventingProperties properties, JsonMapper json, Clock clock, TransactionTemplate transactions) {
		super(name);
		this.served = served.stream().collect(Collectors.toMap(EventConsumer::name, consumer -> consumer));
		this.queue = queue;
		this.consumers = consumers;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
	}

	boolean serves(Collection<String> consumers) {
		return consumers.stream().anyMatch(served::containsKey);
	}

	/** Delivers what is due; returns how long to wait before the next round. */
	@Override
	protected Duration round() {
		List<Delivery> pending = queue.pending(served.keySet(), BATCH);
		Set<String> blockedLanes = new HashSet<>();
		List<Delivery> due = new ArrayList<>();
		Instant nextDue = null;
		for (Delivery delivery : pending) {
			if (blockedLanes.contains(delivery.lane())) {
				continue;
			}
			if (delivery.nextAttemptAt().isAfter(clock.instant())) {
				blockedLanes.add(delivery.lane());
				nextDue = nextDue == null || delivery.nextAttemptAt().isBefore(nextDue) ? delivery.nextAttemptAt() : nextDue;
				continue;
			}
			due.add(delivery);
		}
		int next = 0;
		while (next < due.size()) {
			if (stopping()) {
				return Duration.ZERO; // the rest stays queued for the next start
			}
			// a lane blocked by a failure in an earlier group keeps its later deliveries for the next round
			List<Delivery> group = new ArrayList<>();
			while (next < due.size() && group.size() < GROUP) {
				Delivery delivery = due.get(next++);
				if (!blockedLanes.contains(delivery.lane())) {
					group.add(delivery);
				}
			}
			if (!group.isEmpty() && !deliverTogether(group) && !deliverOneByOne(group, blockedLanes)) {
				nextDue = clock.instant();
			}
		}
		if (pending.size() == BATCH) {
			return Duration.ZERO;
		}
		if (nextDue == null) {
			return IDLE_POLL;
		}
		Duration untilDue = Duration.between(clock.instant(), nextDue);
		return untilDue.isNegative() ? Duration.ofMillis(10) : untilDue.compareTo(IDLE_POLL) > 0 ? IDLE_POLL : untilDue;
	}

	/** True if the whole group was delivered in one transaction; false if it rolled back and nothing of it is kept. */
	private boolean deliverTogether(List<Delivery> group) {
		if (group.size() == 1) {
			return false; // one by one is the same transaction, and it knows what to do with a failure
		}
		try {
			transactions.executeWithoutResult(status -> {
				group.forEach(delivery -> consumers.deliver(served.get(delivery.consumer()), envelope(delivery)));
				queue.delivered(group.stream().map(Delivery::id).toList());
			});
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("A group of {} deliveries rolled back, delivering them one by one: {}", group.size(), ex.toString());
			return false;
		}
	}

	/**
	 * Delivers each in its own transaction, in order, skipping the rest of a lane whose delivery failed.
	 * @return false if a delivery failed and waits for a retry
	 */
	private boolean deliverOneByOne(List<Delivery> group, Set<String> blockedLanes) {
		boolean allLeft = true;
		for (Delivery delivery : group) {
			if (stopping()) {
				return allLeft;
			}
			if (!blockedLanes.contains(delivery.lane()) && !deliver(delivery)) {
				blockedLanes.add(delivery.lane());
				allLeft = false;
			}
		}
		return allLeft;
	}

	private EventEnvelope envelope(Delivery delivery) {
		return EventEnvelope.fromJson(json.readTree(delivery.payload()));
	}

	/** True if the delivery left the queue (handled, duplicate or dead-lettered). */
	private boolean deliver(Delivery delivery) {
		int attempt = delivery.attempts() + 1;
		try {
			// the removal commits with the inbox entry and the effect: one commit instead of two
			transactions.executeWithoutResult(status -> {
				consumers.deliver(served.get(delivery.consumer()), envelope(delivery));
				queue.delivered(delivery.id());
			});
			return true;
		}
		catch (MalformedEvent ex) {
			log.warn("Dead-lettering malformed event {} for {}: {}", delivery.eventId(), delivery.consumer(), ex.getMessage());
			queue.deadLetter(delivery.id(), attempt, "malformed: " + ex.getMessage());
			return true;
		}
		catch (RuntimeException ex) {
			if (attempt >= properties.maxAttempts()) {
				log.error("Dead-lettering event {} for {} after {} attempts", delivery.eventId(), delivery.consumer(),
						attempt, ex);
				queue.deadLetter(delivery.id(), attempt, ex.toString());
				return true;
			}
			Instant next = clock.instant().plus(properties.backoff(attempt));
			log.warn("Delivering event {} to {} failed (attempt {}), retrying at {}: {}", delivery.eventId(),
					delivery.consumer(), attempt, next, ex.toString());
			queue.retryLater(delivery.id(), attempt, next, ex.toString());
			return false;
		}
	}
}
