package dev.taskflow.eventing.internal;

import dev.taskflow.eventing.Topics;
import dev.taskflow.tasks.TaskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The outbox relay for task events. Spring Modulith's event publication registry stores every task
 * event in the transaction that changed the task; after commit this listener hands it to the
 * transport. If the transport refuses, the listener throws, the publication stays incomplete and
 * {@link PublicationRetrier} tries again with backoff (and again after a restart).
 *
 * Listeners run concurrently, so events of one task may arrive here out of order. The relay only
 * publishes the next sequence number of a task; a later one waits for its predecessor, an earlier one
 * (a resubmitted duplicate) is acknowledged without publishing again.
 */
@Component
class TaskEventRelay {

	private static final Logger log = LoggerFactory.getLogger(TaskEventRelay.class);

	private final EventTransport transport;

	private final TaskEventEnvelopes envelopes;

	private final RelayPositions positions;

	TaskEventRelay(EventTransport transport, TaskEventEnvelopes envelopes, RelayPositions positions) {
		this.transport = transport;
		this.envelopes = envelopes;
		this.positions = positions;
	}

	@ApplicationModuleListener
	void on(TaskEvent event) {
		String stream = "task/" + event.taskId();
		long last = positions.lastPublished(stream);
		if (event.sequence() <= last) {
			log.debug("{} {} of task {} was already published", event.type(), event.sequence(), event.taskId());
			return;
		}
		if (event.sequence() > last + 1) {
			throw new OutOfOrder(event, last);
		}
		transport.publish(Topics.TASK_EVENTS, envelopes.taskEvent(event));
		transport.publish(Topics.TASK_UPDATES, envelopes.taskUpdate(event));
		if (!positions.advance(stream, last, event.sequence())) {
			throw new OutOfOrder(event, last);
		}
	}

	/** An event whose predecessor has not been published yet; retried shortly. */
	static class OutOfOrder extends RuntimeException {

		OutOfOrder(TaskEvent event, long last) {
			super("Event " + event.sequence() + " of task " + event.taskId() + " waits for event " + (last + 1));
		}
	}
}
