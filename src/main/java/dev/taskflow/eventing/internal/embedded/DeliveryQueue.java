package dev.taskflow.eventing.internal.embedded;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The embedded transport's queue and dead-letter store, one table with a status per delivery. */
@Component
public class DeliveryQueue {

	public static final String PENDING = "pending";

	public static final String DEAD = "dead";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batches;

	private final Clock clock;

	DeliveryQueue(JdbcClient jdbc, NamedParameterJdbcOperations batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	/** One delivery per consumer, in one round trip (a batch), in the caller's transaction. */
	void enqueue(List<String> consumers, String topic, EventEnvelope event, String payload) {
		if (consumers.isEmpty()) {
			return;
		}
		Map<String, Object> common = Map.of("topic", topic,
				"key", event.partitionKey() == null ? "" : event.partitionKey(), "eventId", event.id(), "type",
				event.type(), "payload", payload, "now", SqlTime.utc(clock.instant()));
		SqlParameterSource[] rows = consumers.stream()
			.map(consumer -> new MapSqlParameterSource(common).addValue("consumer", consumer))
			.toArray(SqlParameterSource[]::new);
		batches.batchUpdate("""
				insert into embedded_deliveries (consumer, topic, partition_key, event_id, event_type, payload, status,
				  attempts, next_attempt_at, created_at)
				values (:consumer, :topic, :key, :eventId, :type, :payload, 'pending', 0, :now, :now)""", rows);
	}

	/**
	 * Pending deliveries for the given consumers in queue order, due or not: the dispatcher needs both
	 * to keep lanes in order.
	 */
	List<Delivery> pending(Collection<String> consumers, int limit) {
		if (consumers.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from embedded_deliveries where status = 'pending' and consumer in (:consumers) "
				+ "order by id limit :limit")
			.param("consumers", consumers)
			.param("limit", limit)
			.query(DeliveryQueue::map)
			.list();
	}

	void delivered(long id) {
		jdbc.sql("delete from embedded_deliveries where id = :id").param("id", id).update();
	}

	void delivered(List<Long> ids) {
		jdbc.sql("delete from embedded_deliveries where id in (:ids)").param("ids", ids).update();
	}

	void retryLater(long id, int attempts, Instant next, String error) {
		jdbc.sql("update embedded_deliveries set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
			.param("attempts", attempts)
			.param("next", SqlTime.utc(next))
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	void deadLetter(long id, int attempts, String error) {
		jdbc.sql("update embedded_deliveries set status = 'dead', attempts = :attempts, last_error = :error where id = :id")
			.param("attempts", attempts)
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	public List<Delivery> deadLetters(int limit) {
		return jdbc.sql("select * from embedded_deliveries where status = 'dead' order by id desc limit :limit")
			.param("limit", limit)
			.query(DeliveryQueue::map)
			.list();
	}

	public int countByStatus(String status) {
		return jdbc.sql("select count(*) from embedded_deliveries where status = :status")
			.param("status", status)
			.query(Integer.class)
			.single();
	}

	/** Puts dead letters back in the queue (all, or one by id) for a fresh round of attempts. */
	public int replay(Long id) {
		return jdbc.sql("update embedded_deliveries set status = 'pending', attempts = 0, next_attempt_at = :now "
				+ "where status = 'dead'" + (id == null ? "" : " and id = :id"))
			.param("now", SqlTime.utc(clock.instant()))
			.params(id == null ? Map.of() : Map.of("id", id))
			.update();
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getLong("id"), rs.getString("consumer"), rs.getString("topic"),
				rs.getString("partition_key"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
				rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
				SqlTime.instant(rs, "next_attempt_at"), rs.getString("last_error"),
				SqlTime.instant(rs, "created_at"));
	}

	private static String truncate(String error) {
		return error == null ? null : Characters.cut(error, 1000);
	}
}
