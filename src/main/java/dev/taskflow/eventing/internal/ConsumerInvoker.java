package dev.taskflow.eventing.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

	/** The consumers this process runs, decided once: roles are fixed for a process's life. */
	private final List<EventConsumer> local;

	/** {@link #local} by topic, asked on every embedded write and every Dapr delivery. */
	private final Map<String, List<EventConsumer>> localByTopic;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	ConsumerInvoker(List<EventConsumer> consumers, EventingProperties properties, Inbox inbox,
			TransactionTemplate transactions) {
		this.consumers = consumers;
		this.local = consumers.stream().filter(c -> properties.runs(c.role())).toList();
		this.localByTopic = local.stream()
			.flatMap(c -> c.topics().stream())
			.distinct()
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					topic -> local.stream().filter(c -> c.topics().contains(topic)).toList()));
		this.inbox = inbox;
		this.transactions = transactions;
	}

	/** The consumers of {@code topic} that run in this process (per {@code TASKFLOW_ROLES}). */
	public List<EventConsumer> consumersOf(String topic) {
		return localByTopic.getOrDefault(topic, List.of());
	}

	/** The consumers that run in this process. */
	public List<EventConsumer> localConsumers() {
		return local;
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
