package dev.taskflow.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class AuditRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void append(AuditEntry entry, Instant recordedAt) {
		jdbc.sql("""
				insert into audit_log (event_id, user_id, task_id, sequence, event_type, occurred_at, title, changes, recorded_at)
				values (:eventId, :userId, :taskId, :sequence, :type, :occurredAt, :title, :changes, :recordedAt)""")
			.param("eventId", entry.eventId())
			.param("userId", entry.userId())
			.param("taskId", entry.taskId())
			.param("sequence", entry.sequence())
			.param("type", entry.eventType())
			.param("occurredAt", SqlTime.utc(entry.occurredAt()))
			.param("title", entry.title())
			.param("changes", entry.changes() == null ? null : json.writeValueAsString(entry.changes()))
			.param("recordedAt", SqlTime.utc(recordedAt))
			.update();
	}

	/** A task's history, oldest first. */
	public List<AuditEntry> history(UUID userId, long taskId) {
		return jdbc.sql("select * from audit_log where user_id = :userId and task_id = :taskId order by sequence, id")
			.param("userId", userId)
			.param("taskId", taskId)
			.query(this::map)
			.list();
	}

	/**
	 * A user's events, newest first by when they happened (consumers may record them in another order),
	 * starting after {@code after} (keyset paging).
	 */
	public List<AuditEntry> recent(UUID userId, AuditEntry after, int limit) {
		return jdbc.sql("select * from audit_log where user_id = :userId"
				+ (after == null ? "" : " and (occurred_at < :at or (occurred_at = :at and id < :id))")
				+ " order by occurred_at desc, id desc limit :limit")
			.param("userId", userId)
			.params(after == null ? java.util.Map.of()
					: java.util.Map.of("at", SqlTime.utc(after.occurredAt()), "id", after.id()))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	public java.util.Optional<AuditEntry> find(UUID userId, long id) {
		return jdbc.sql("select * from audit_log where user_id = :userId and id = :id")
			.param("userId", userId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	private AuditEntry map(ResultSet rs, int row) throws SQLException {
		String changes = rs.getString("changes");
		return new AuditEntry(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getLong("task_id"), rs.getLong("sequence"), rs.getString("event_type"),
				SqlTime.instant(rs, "occurred_at"), rs.getString("title"),
				changes == null ? null : json.readTree(changes));
	}
}
