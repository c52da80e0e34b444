package dev.taskflow.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The notification inbox. Every query is scoped to one user. */
@Repository
public class NotificationRepository {

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a reminder becomes; inserted once per source event and once per reminder.
	 * @param readAt set when its owner does not want notifications in TaskFlow: kept, but already read
	 */
	record NewNotification(UUID userId, long taskId, UUID sourceEventId, Instant remindAt, String title,
			String message, Instant createdAt, Instant readAt) {
	}

	/** The stored notification, or empty if this reminder already has one. */
	Optional<Notification> insertOnce(NewNotification n) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				insert into notifications (user_id, task_id, source_event_id, remind_at, title, message, created_at,
				    read_at)
				values (:userId, :taskId, :sourceEventId, :remindAt, :title, :message, :createdAt, :readAt)
				on conflict do nothing""")
			.param("userId", n.userId())
			.param("taskId", n.taskId())
			.param("sourceEventId", n.sourceEventId())
			.param("remindAt", SqlTime.utc(n.remindAt()))
			.param("title", n.title())
			.param("message", n.message())
			.param("createdAt", SqlTime.utc(n.createdAt()))
			.param("readAt", n.readAt() == null ? null : SqlTime.utc(n.readAt()))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		return Optional.of(new Notification(keys.getKey().longValue(), n.userId(), n.taskId(), n.title(), n.message(),
				n.createdAt(), n.readAt()));
	}

	/** Newest first, after the notification with id {@code before} if given (keyset paging). */
	public List<Notification> recent(UUID userId, boolean unreadOnly, Long before, int limit) {
		return jdbc.sql("select * from notifications where user_id = :userId"
				+ (unreadOnly ? " and read_at is null" : "") + (before == null ? "" : " and id < :before")
				+ " order by id desc limit :limit")
			.param("userId", userId)
			.params(before == null ? Map.of() : Map.of("before", before))
			.param("limit", limit)
			.query(NotificationRepository::map)
			.list();
	}

	public Optional<Notification> find(UUID userId, long id) {
		return jdbc.sql("select * from notifications where user_id = :userId and id = :id")
			.param("userId", userId)
			.param("id", id)
			.query(NotificationRepository::map)
			.optional();
	}

	public int unreadCount(UUID userId) {
		return jdbc.sql("select count(*) from notifications where user_id = :userId and read_at is null")
			.param("userId", userId)
			.query(Integer.class)
			.single();
	}

	/** Marks one notification read (keeping the first read time); false if the user has no such notification. */
	public boolean markRead(UUID userId, long id, Instant now) {
		return jdbc.sql("update notifications set read_at = coalesce(read_at, :now) where user_id = :userId and id = :id")
			.param("now", SqlTime.utc(now))
			.param("userId", userId)
			.param("id", id)
			.update() == 1;
	}

	/** When snoozing this notification last set its task to remind again, if it was ever snoozed. */
	public Optional<Instant> snoozedUntil(UUID userId, long id) {
		return jdbc.sql("select snoozed_until from notifications where user_id = :userId and id = :id")
			.param("userId", userId)
			.param("id", id)
			.query((rs, row) -> Optional.ofNullable(SqlTime.instant(rs, "snoozed_until")))
			.optional()
			.flatMap(until -> until);
	}

	/** Notes the reminder a snooze of this notification set, and marks the notification read. */
	public void markSnoozed(UUID userId, long id, Instant until, Instant now) {
		jdbc.sql("""
				update notifications set snoozed_until = :until, read_at = coalesce(read_at, :now)
				where user_id = :userId and id = :id""")
			.param("until", SqlTime.utc(until))
			.param("now", SqlTime.utc(now))
			.param("userId", userId)
			.param("id", id)
			.update();
	}

	/** Marks every unread notification of the user read; returns how many were unread. */
	public int markAllRead(UUID userId, Instant now) {
		return jdbc.sql("update notifications set read_at = :now where user_id = :userId and read_at is null")
			.param("now", SqlTime.utc(now))
			.param("userId", userId)
			.update();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), rs.getObject("user_id", UUID.class), rs.getLong("task_id"),
				rs.getString("title"), rs.getString("message"),
				SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "read_at"));
	}
}
