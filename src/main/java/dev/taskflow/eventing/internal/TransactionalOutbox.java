package dev.taskflow.eventing.internal;

import dev.taskflow.eventing.Outbox;
import dev.taskflow.eventing.OutgoingEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two ways into the transport, chosen by what the transport is.
 *
 * <ul>
 * <li>A transport that keeps its queue in the application's own database (the embedded one) is its
 * own outbox: the event's deliveries are queued in the caller's transaction and commit or roll back
 * with it. No publication row, no relay and no second transaction per event: on the hottest path
 * there is, that is most of what an event used to cost.</li>
 * <li>Any other transport (Dapr, in front of a broker that can be down) gets the event through Spring
 * Modulith's event publication registry, which stores it in the caller's transaction; after commit
 * {@link OutboxRelay} hands it over and retries until the broker accepts it.</li>
 * </ul>
 *
 * Per-stream order holds either way. The events of one stream (one task) are published by
 * transactions that change that stream's row, so they commit one after the other, and a later one
 * queues its deliveries only after the earlier one committed; the relay checks the sequence numbers
 * explicitly because its listeners run concurrently.
 */
@Component
class TransactionalOutbox implements Outbox {

	/**
	 * Looked up on first use (and kept): consumers publish through the outbox, and the embedded
	 * transport needs the consumers.
	 */
	private final SingletonSupplier<EventTransport> transport;

	private final ApplicationEventPublisher registry;

	TransactionalOutbox(ObjectProvider<EventTransport> transport, ApplicationEventPublisher registry) {
		this.transport = SingletonSupplier.of(transport::getObject);
		this.registry = registry;
	}

	@Override
	public void publish(OutgoingEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An outgoing event is published inside the transaction that caused it");
		}
		EventTransport transport = this.transport.obtain();
		if (transport.queuesInTheCallersTransaction()) {
			event.messages().forEach(message -> transport.publish(message.topic(), message.envelope()));
		}
		else {
			registry.publishEvent(event);
		}
	}
}
