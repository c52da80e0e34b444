package dev.taskflow.tasks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.Characters;
import dev.taskflow.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries behind firing reminders. Only reminders of pending tasks count; {@code sent_at} set
 * means fired. Task edits rewrite a task's reminder rows (new ids) while holding the task's row lock,
 * so a claim takes that lock first and then re-checks the row.
 */
@Repository
public class ReminderRepository {

	/** One reminder row: ids change whenever the task is edited, {@code position} does not. */
	public record Row(long id, long taskId, int position, Instant remindAt) {
	}

	private final JdbcClient jdbc;

	ReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** When the earliest unsent reminder of a pending task is due (perhaps already past). */
	public Optional<Instant> earliestUnsent() {
		return jdbc.sql("""
				select r.remind_at from task_reminders r join tasks t on t.id = r.task_id
				where r.sent_at is null and r.failed_at is null and r.remind_at is not null and t.status = 'pending'
				and t.deleted_at is null
				order by r.remind_at limit 1""")
			.query((rs, row) -> SqlTime.instant(rs, "remind_at"))
			.optional();
	}

	/** Unsent reminders of pending tasks due by {@code now}, the most overdue first. */
	public List<Row> dueBy(Instant now, int limit) {
		return jdbc.sql("""
				select r.id, r.task_id, r.position, r.remind_at from task_reminders r join tasks t on t.id = r.task_id
				where r.sent_at is null and r.failed_at is null and r.remind_at <= :now and t.status = 'pending'
				and t.deleted_at is null
				order by r.remind_at, r.id limit :limit""")
			.param("now", SqlTime.utc(now))
			.param("limit", limit)
			.query(ReminderRepository::row)
			.list();
	}

	/**
	 * Locks a task's row until the transaction ends and gives its owner, if the task exists and is
	 * pending.
	 */
	public Optional<UUID> lockPendingTask(long taskId) {
		return jdbc.sql("select user_id, status from tasks where id = :id and deleted_at is null for update")
			.param("id", taskId)
			.query((rs, row) -> new LockedTask(rs.getObject("user_id", UUID.class), rs.getString("status")))
			.optional()
			.filter(task -> task.status().equals("pending"))
			.map(LockedTask::owner);
	}

	/** An unsent row of a task by id, if it is due by {@code dueBy}. */
	public Optional<Row> unsent(long taskId, long reminderId, Instant dueBy) {
		return jdbc.sql("""
				select id, task_id, position, remind_at from task_reminders
				where id = :id and task_id = :taskId and sent_at is null and remind_at <= :dueBy""")
			.param("id", reminderId)
			.param("taskId", taskId)
			.param("dueBy", SqlTime.utc(dueBy))
			.query(ReminderRepository::row)
			.optional();
	}

	/** The unsent reminder at a position of a task, if it is set for a moment in [from, until). */
	public Optional<Row> unsentAt(long taskId, int position, Instant from, Instant until) {
		return jdbc.sql("""
				select id, task_id, position, remind_at from task_reminders
				where task_id = :taskId and position = :position and sent_at is null
				  and remind_at >= :from and remind_at < :until""")
			.param("taskId", taskId)
			.param("position", position)
			.param("from", SqlTime.utc(from))
			.param("until", SqlTime.utc(until))
			.query(ReminderRepository::row)
			.optional();
	}

	/** Marks a reminder sent unless it already is; true if this call did it. */
	public boolean markSent(long reminderId, Instant now) {
		return jdbc.sql("update task_reminders set sent_at = :now where id = :id and sent_at is null")
			.param("now", SqlTime.utc(now))
			.param("id", reminderId)
			.update() == 1;
	}

	/** Takes a reminder out of the sweeps, keeping why; false if it was sent or set aside meanwhile. */
	public boolean setAside(long reminderId, Instant now, String failure) {
		return jdbc.sql("""
				update task_reminders set failed_at = :now, failure = :failure
				where id = :id and sent_at is null and failed_at is null""")
			.param("now", SqlTime.utc(now))
			.param("failure", Characters.cut(failure, 500))
			.param("id", reminderId)
			.update() == 1;
	}

	/** How many reminders are set aside, for the operator's metrics. */
	public long countSetAside() {
		return jdbc.sql("select count(*) from task_reminders where failed_at is not null").query(Long.class).single();
	}

	private record LockedTask(UUID owner, String status) {
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("task_id"), rs.getInt("position"), SqlTime.instant(rs, "remind_at"));
	}
}
