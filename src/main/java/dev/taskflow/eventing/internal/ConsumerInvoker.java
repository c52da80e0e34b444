package dev.taskflow.eventing.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.platform.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Hands an event to consumers the same way for every transport: one transaction per consumer, the
 * inbox entry and the consumer's effect inside it, then what the consumer does after commit.
 */
@Component
public class ConsumerInvoker {

	private static final Logger log = LoggerFactory.getLogger(ConsumerInvoker.class);

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
	 * @throws MalformedEvent if the consumer found the event malformed or Jackson could not read its body
	 * @throws RuntimeException whatever else the consumer threw; nothing of the attempt is kept
	 */
	public boolean deliver(EventConsumer consumer, EventEnvelope event) {
		Boolean delivered = transactions.execute(status -> {
			if (!inbox.firstDelivery(consumer.name(), event.id())) {
				return false;
			}
			handle(consumer, event);
			return true;
		});
		if (!Boolean.TRUE.equals(delivered)) {
			return false;
		}
		// outside the transaction (unless the caller's own encloses this one: then after that commits)
		AfterCommit.run(() -> afterCommit(consumer, event));
		return true;
	}

	/**
	 * Consumers read bodies through {@link dev.taskflow.eventing.EventBody}, which names what is wrong;
	 * this is the net under a read that bypasses it. Jackson fails on the data it is given (a string node
	 * asked for a long, say), which is the same on every attempt: retrying it would hold the event's
	 * partition for as long as the transport retries (two hours in Dapr mode) before dead-lettering it
	 * anyway. Only a failing stream underneath ({@link JacksonIOException}) may pass.
	 */
	private static void handle(EventConsumer consumer, EventEnvelope event) {
		try {
			consumer.handle(event);
		}
		catch (JacksonIOException ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			throw new MalformedEvent("the body cannot be read: " + ex.getOriginalMessage(), ex);
		}
	}

	private static void afterCommit(EventConsumer consumer, EventEnvelope event) {
		try {
			consumer.afterCommit(event);
		}
		catch (RuntimeException ex) {
			// the delivery has committed: throwing would only make the transport redeliver what the inbox stops
			log.warn("{} handled {} {} but failed after commit: {}", consumer.name(), event.type(), event.id(),
					ex.toString());
		}
	}
}
