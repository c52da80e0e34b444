package dev.taskflow.eventing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each ordered stream (one per task) has been published. Advancing is a compare-and-set, so
 * two relays racing on the same event cannot both move it.
 */
@Component
class RelayPositions {

	private final JdbcClient jdbc;

	RelayPositions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long lastPublished(String stream) {
		return jdbc.sql("select last_sequence from relay_positions where stream = :stream")
			.param("stream", stream)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Moves the stream from {@code from} to {@code to}; false if someone else moved it first. */
	boolean advance(String stream, long from, long to) {
		if (from == 0) {
			return jdbc.sql("insert into relay_positions (stream, last_sequence) values (:stream, :to) on conflict do nothing")
				.param("stream", stream)
				.param("to", to)
				.update() == 1;
		}
		return jdbc.sql("update relay_positions set last_sequence = :to where stream = :stream and last_sequence = :from")
			.param("stream", stream)
			.param("from", from)
			.param("to", to)
			.update() == 1;
	}
}
