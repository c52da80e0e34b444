package dev.taskflow.eventing.internal.embedded;

import java.util.List;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.eventing.internal.EventTransport;
import dev.taskflow.platform.AfterCommit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process broker: publishing queues one delivery per subscribed consumer in the database, in
 * the transaction that caused the event (the queue is its own outbox), and wakes the
 * {@link EmbeddedDispatcher} once that commits. Queued deliveries survive a restart, so the embedded
 * mode loses nothing either.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "embedded", matchIfMissing = true)
class EmbeddedTransport implements EventTransport {

	private final ConsumerInvoker consumers;

	private final DeliveryQueue queue;

	private final EmbeddedDispatcher dispatcher;

	private final JsonMapper json;

	EmbeddedTransport(ConsumerInvoker consumers, DeliveryQueue queue, EmbeddedDispatcher dispatcher, JsonMapper json) {
		this.consumers = consumers;
		this.queue = queue;
		this.dispatcher = dispatcher;
		this.json = json;
	}

	@Override
	public void publish(String topic, EventEnvelope event) {
		String payload = json.writeValueAsString(event.toJson(json));
		List<String> wanting = consumers.consumersOf(topic)
			.stream()
			.filter(consumer -> consumer.wants(event.type()))
			.map(EventConsumer::name)
			.toList();
		queue.enqueue(wanting, topic, event, payload);
		AfterCommit.run(() -> dispatcher.wake(wanting));
	}

	@Override
	public boolean queuesInTheCallersTransaction() {
		return true;
	}
}
