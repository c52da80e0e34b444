package dev.taskflow.eventing.internal;

import dev.taskflow.eventing.OutgoingEvent;
import dev.taskflow.eventing.OutgoingEvent.Message;
import dev.taskflow.eventing.internal.EventTransport.TransportUnavailable;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The outbox relay, for transports outside the database (see {@link TransactionalOutbox}). Spring
 * Modulith's event publication registry stores such an {@link OutgoingEvent} in the transaction that
 * published it; after commit this listener hands its messages to the transport. If the transport
 * refuses, the listener throws, the publication stays incomplete and {@link PublicationRetrier}
 * tries again with backoff (and again after a restart). While the transport is known to be unreachable
 * ({@link TransportOutage}) the relay does not try it at all.
 *
 * Listeners run concurrently, so events of one stream may arrive here out of order. The relay only
 * publishes a stream's next sequence number; a later one waits for its predecessor, an earlier one
 * (a resubmitted duplicate) is acknowledged without publishing again.
 *
 * A module listener on the application task executor, but without the transaction of
 * {@code @ApplicationModuleListener}: that would hold a database connection while the transport takes
 * its time (up to the read time-out per message when the sidecar or its broker stalls), and with the
 * relay's threads busy that way the requests would be left without connections. The positions need
 * none: each step is one statement, and advancing is a compare-and-set.
 */
@Component
class OutboxRelay {

	private final EventTransport transport;

	private final RelayPositions positions;

	private final TransportOutage outage;

	OutboxRelay(EventTransport transport, RelayPositions positions, TransportOutage outage) {
		this.transport = transport;
		this.positions = positions;
		this.outage = outage;
	}

	@Async
	@TransactionalEventListener
	void on(OutgoingEvent event) {
		if (!event.isOrdered()) {
			publish(event);
			return;
		}
		long last = positions.lastPublished(event.stream());
		if (event.sequence() <= last) {
			return;
		}
		if (event.sequence() > last + 1) {
			throw new OutOfOrder(event, last);
		}
		publish(event);
		if (!positions.advance(event.stream(), last, event.sequence())) {
			throw new OutOfOrder(event, last);
		}
	}

	private void publish(OutgoingEvent event) {
		if (outage.ongoing()) {
			// no request that could only fail (or hang until its timeout); the retrier sends it once the transport answers
			outage.heldBack();
			Message first = event.messages().get(0);
			throw new TransportUnavailable("an outage is ongoing; " + first.envelope().type() + " "
					+ first.envelope().id() + " waits in the outbox", null, true);
		}
		try {
			event.messages().forEach(message -> transport.publish(message.topic(), message.envelope()));
		}
		catch (TransportUnavailable ex) {
			if (ex.unreachable()) {
				outage.began(ex);
			}
			throw ex;
		}
	}

	/** An event whose predecessor has not been published yet; retried shortly. */
	static class OutOfOrder extends RuntimeException {

		OutOfOrder(OutgoingEvent event, long last) {
			super("Event " + event.sequence() + " of " + event.stream() + " waits for event " + (last + 1));
		}
	}
}
