package dev.taskflow.eventing;

/**
 * Where a module puts the {@link OutgoingEvent}s a change causes. Call it inside the transaction that
 * makes the change: the event is kept if and only if that transaction commits, and is then delivered
 * to every consumer of its topics at least once, with a stream's events in sequence order.
 */
public interface Outbox {

	/** @throws IllegalStateException when no transaction is active, so the event could outlive a rollback */
	void publish(OutgoingEvent event);
}
