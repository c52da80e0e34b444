package dev.taskflow.eventing.internal.embedded;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.eventing.internal.EventingProperties;
import dev.taskflow.platform.DatabaseProduct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers queued events to the consumers that run in this process.
 *
 * <p>On PostgreSQL each consumer has a {@link ConsumerDispatcher} (a thread) of its own. Lanes belong
 * to one consumer, so each keeps its order, and the consumers share nothing but the database: one
 * stuck in a delivery or far behind (the audit trail after a burst) does not hold up the others (live
 * updates in open tabs), and a backlog drains on every core. Measured: eight seconds of recurring
 * completions leave a backlog that is gone within a second, where one thread needed ten.
 *
 * <p>On H2 one dispatcher serves them all, as before: its store takes one writer at a time, and three
 * dispatchers committing beside the requests halved the embedded create rate (840 → 420 per second)
 * instead of speeding anything up. {@code taskflow.eventing.dispatcher-per-consumer} overrides the
 * choice either way (bench/README.md has both measurements).
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDispatcher implements SmartLifecycle {

	private final List<ConsumerDispatcher> dispatchers;

	private volatile boolean running;

	EmbeddedDispatcher(DeliveryQueue queue, ConsumerInvoker consumers, EventingProperties properties, JsonMapper json,
			Clock clock, TransactionTemplate transactions, DataSource dataSource,
			@Value("${taskflow.eventing.dispatcher-per-consumer:#{null}}") Boolean perConsumer) {
		// only this process's consumers: a delivery queued for a consumer that does not run here is not ours
		List<EventConsumer> local = consumers.localConsumers();
		boolean oneEach = perConsumer != null ? perConsumer : !"H2".equals(DatabaseProduct.nameOf(dataSource));
		this.dispatchers = oneEach
				? local.stream()
					.map(consumer -> new ConsumerDispatcher("embedded-event-dispatcher-" + consumer.name(),
							List.of(consumer), queue, consumers, properties, json, clock, transactions))
					.toList()
				: List.of(new ConsumerDispatcher("embedded-event-dispatcher", local, queue, consumers, properties, json,
						clock, transactions));
	}

	/** Starts a round of these consumers' dispatchers now: the others have nothing new. */
	void wake(Collection<String> consumers) {
		dispatchers.stream().filter(dispatcher -> dispatcher.serves(consumers)).forEach(ConsumerDispatcher::wake);
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
