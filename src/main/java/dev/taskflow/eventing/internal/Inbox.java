package dev.taskflow.eventing.internal;

import java.time.Clock;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events each consumer has processed. Recording runs in the consumer's transaction:
 * if the effect rolls back, so does the record, and the event will be processed again.
 * {@code on conflict do nothing} makes a concurrent duplicate wait for the first one and then see it.
 */
@Component
class Inbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** True if this is the first time {@code consumer} sees {@code eventId}. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean firstDelivery(String consumer, UUID eventId) {
		return jdbc.sql("""
				insert into event_inbox (consumer, event_id, processed_at) values (:consumer, :eventId, :now)
				on conflict do nothing""")
			.param("consumer", consumer)
			.param("eventId", eventId)
			.param("now", SqlTime.utc(clock.instant()))
			.update() == 1;
	}
}
