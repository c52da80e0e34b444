package dev.taskflow.eventing.internal.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.eventing.internal.EventingProperties;
import dev.taskflow.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers queued events to in-process consumers on one background thread. A lane (consumer, topic,
 * partition key) is served strictly in order: while its head waits for a retry, the rest of the lane
 * waits too, so a task's events are never handled out of order. After the last attempt a delivery
 * becomes a dead letter, which unblocks its lane; an operator can inspect and replay it.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedDispatcher extends BackgroundWorker {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDispatcher.class);

	private static final int BATCH = 500;

	private static final Duration IDLE_POLL = Duration.ofSeconds(1);

	private final DeliveryQueue queue;

	private final ConsumerInvoker consumers;

	private final EventingProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	EmbeddedDispatcher(DeliveryQueue queue, ConsumerInvoker consumers, EventingProperties properties, JsonMapper json,
			Clock clock) {
		super("embedded-event-dispatcher");
		this.queue = queue;
		this.consumers = consumers;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** Delivers what is due; returns how long to wait before the next round. */
	@Override
	protected Duration round() {
		// only this process's consumers: a delivery queued for a consumer that does not run here is not ours
		List<Delivery> pending = queue.pending(consumers.localConsumerNames(), BATCH);
		Set<String> blockedLanes = new HashSet<>();
		Instant nextDue = null;
		for (Delivery delivery : pending) {
			if (stopping()) {
				return Duration.ZERO; // the rest stays queued for the next start
			}
			if (blockedLanes.contains(delivery.lane())) {
				continue;
			}
			if (delivery.nextAttemptAt().isAfter(clock.instant())) {
				blockedLanes.add(delivery.lane());
				nextDue = nextDue == null || delivery.nextAttemptAt().isBefore(nextDue) ? delivery.nextAttemptAt() : nextDue;
				continue;
			}
			if (!deliver(delivery)) {
				blockedLanes.add(delivery.lane());
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

	/** True if the delivery left the queue (handled, duplicate or dead-lettered). */
	private boolean deliver(Delivery delivery) {
		int attempt = delivery.attempts() + 1;
		try {
			EventEnvelope event = EventEnvelope.fromJson(json.readTree(delivery.payload()));
			consumers.deliver(consumers.consumer(delivery.consumer()), event);
			queue.delivered(delivery.id());
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
