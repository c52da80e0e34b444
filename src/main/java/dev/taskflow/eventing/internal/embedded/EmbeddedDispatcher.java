package dev.taskflow.eventing.internal.embedded;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.eventing.internal.EventingProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers queued events to the consumers that run in this process, one {@link ConsumerDispatcher}
 * (one thread) per consumer. Lanes belong to one consumer, so each keeps its order; what the
 * consumers share is nothing but the database. A consumer with a long queue (the audit trail after a
 * burst of changes) no longer holds up the others (live updates in open tabs), and a backlog drains on
 * every core instead of one.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedDispatcher implements SmartLifecycle {

	private final List<ConsumerDispatcher> dispatchers;

	private volatile boolean running;

	EmbeddedDispatcher(DeliveryQueue queue, ConsumerInvoker consumers, EventingProperties properties, JsonMapper json,
			Clock clock, TransactionTemplate transactions) {
		// only this process's consumers: a delivery queued for a consumer that does not run here is not ours
		this.dispatchers = consumers.localConsumerNames()
			.stream()
			.map(name -> new ConsumerDispatcher(consumers.consumer(name), queue, consumers, properties, json, clock,
					transactions))
			.toList();
	}

	/** Starts a round of every consumer's dispatcher now (each finds its own deliveries, if any). */
	public void wake() {
		dispatchers.forEach(ConsumerDispatcher::wake);
	}

	/** Starts a round of these consumers' dispatchers now: the others have nothing new. */
	void wake(Collection<String> consumers) {
		dispatchers.stream()
			.filter(dispatcher -> consumers.contains(dispatcher.consumerName()))
			.forEach(ConsumerDispatcher::wake);
	}

	@Override
	public void start() {
		dispatchers.forEach(ConsumerDispatcher::start);
		running = true;
	}

	/** Each finishes the group of deliveries in hand (see {@link dev.taskflow.platform.BackgroundWorker}). */
	@Override
	public void stop() {
		running = false;
		dispatchers.forEach(ConsumerDispatcher::stop);
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
