package dev.taskflow.eventing.internal;

import java.util.List;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands an event to consumers the same way for every transport: one transaction per consumer, the
 * inbox entry and the consumer's effect inside it.
 */
@Component
public class ConsumerInvoker {

	private final List<EventConsumer> consumers;

	private final EventingProperties properties;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	ConsumerInvoker(List<EventConsumer> consumers, EventingProperties properties, Inbox inbox,
			TransactionTemplate transactions) {
		this.consumers = consumers;
		this.properties = properties;
		this.inbox = inbox;
		this.transactions = transactions;
	}

	/** The consumers of {@code topic} that run in this process (per {@code TASKFLOW_ROLES}). */
	public List<EventConsumer> consumersOf(String topic) {
		return consumers.stream().filter(c -> c.topics().contains(topic) && properties.runs(c.role())).toList();
	}

	/** The consumers that run in this process. */
	public List<EventConsumer> localConsumers() {
		return consumers.stream().filter(c -> properties.runs(c.role())).toList();
	}

	public EventConsumer consumer(String name) {
		return consumers.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No consumer named " + name));
	}

	/**
	 * Delivers once: returns false if the consumer had already processed this event.
	 * @throws RuntimeException whatever the consumer threw; nothing of the attempt is kept
	 */
	public boolean deliver(EventConsumer consumer, EventEnvelope event) {
		Boolean delivered = transactions.execute(status -> {
			if (!inbox.firstDelivery(consumer.name(), event.id())) {
				return false;
			}
			consumer.handle(event);
			return true;
		});
		return Boolean.TRUE.equals(delivered);
	}
}
