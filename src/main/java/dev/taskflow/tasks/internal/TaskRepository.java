package dev.taskflow.tasks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.platform.SqlTime;
import dev.taskflow.platform.UserText;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Series;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores tasks, their tags and reminders with plain SQL that runs unchanged on H2 and PostgreSQL. */
@Repository
public class TaskRepository {

	/** Sorts undated tasks after every real date, whatever the direction of the other keys. */
	static final OffsetDateTime NO_DUE_SENTINEL = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

	private final JdbcClient jdbc;

	TaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(Task task, ZoneId zone) {
		return insert(task, zone, null);
	}

	/** Inserts a task; {@code previousTaskId} links a recurring instance to the one it follows. */
	public long insert(Task task, ZoneId zone, Long previousTaskId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into tasks (user_id, title, description, status, priority, due_at, due_date, due_offset,
				  overdue_at, due_sort, title_sort, search_text, recurrence, recurrence_from, series_id,
				  series_index, series_anchor, previous_task_id, created_at, updated_at, completed_at, version)
				values (:owner, :title, :description, :status, :priority, :dueAt, :dueDate, :dueOffset,
				  :overdueAt, :dueSort, :titleSort, :searchText, :recurrence, :recurrenceFrom, :seriesId,
				  :seriesIndex, :seriesAnchor, :previousTaskId, :createdAt, :updatedAt, :completedAt, :version)""")
			.paramSource(columns(task, zone, previousTaskId))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		insertTags(id, task.tags());
		insertReminders(id, task.reminders());
		return id;
	}

	/**
	 * The task exactly as {@link #find} would read it back after {@link #insert} or {@link #update}:
	 * tags in order, times to the microsecond and lead times to the second (what both databases keep),
	 * so a write needs no read after it.
	 */
	public static Task asStored(Task task) {
		Due due = task.due() == null || task.due().allDay() ? task.due()
				: Due.at(task.due().dateTime().truncatedTo(ChronoUnit.MICROS));
		List<Reminder> reminders = task.reminders()
			.stream()
			.map(r -> new Reminder(micros(r.at()),
					r.before() == null ? null : Duration.ofSeconds(r.before().getSeconds()), micros(r.remindAt()),
					micros(r.sentAt()), r.snoozed()))
			.toList();
		return new Task(task.id(), task.ownerId(), task.title(), task.description(), task.status(), task.priority(),
				sortedTags(task.tags()), due, task.recurrence(), task.series(), reminders, micros(task.createdAt()),
				micros(task.updatedAt()), micros(task.completedAt()), task.version());
	}

	private static Instant micros(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** Tags in Java's order rather than the database's collation, so H2 and PostgreSQL list them alike. */
	private static List<String> sortedTags(List<String> tags) {
		return tags.stream().sorted().toList();
	}

	/**
	 * Writes a new state a person asked for if the stored version is still {@code expectedVersion}; false
	 * if it moved on. The task counts as edited from then on (see {@link #removeUnedited}).
	 */
	public boolean update(Task task, int expectedVersion, ZoneId zone) {
		return write(task, expectedVersion, zone, true);
	}

	/**
	 * Writes a new state TaskFlow worked out itself (reminders re-timed for a new time zone), like
	 * {@link #update}, without counting it as the person's edit.
	 */
	public boolean retime(Task task, int expectedVersion, ZoneId zone) {
		return write(task, expectedVersion, zone, false);
	}

	private boolean write(Task task, int expectedVersion, ZoneId zone, boolean edit) {
		Map<String, Object> columns = columns(task, zone, null);
		columns.put("id", task.id());
		columns.put("expectedVersion", expectedVersion);
		columns.put("edit", edit);
		int rows = jdbc.sql("""
				update tasks set title = :title, description = :description, status = :status,
				  priority = :priority, due_at = :dueAt, due_date = :dueDate, due_offset = :dueOffset,
				  overdue_at = :overdueAt, due_sort = :dueSort, title_sort = :titleSort, search_text = :searchText,
				  recurrence = :recurrence, recurrence_from = :recurrenceFrom, series_id = :seriesId,
				  series_index = :seriesIndex, series_anchor = :seriesAnchor,
				  updated_at = :updatedAt, completed_at = :completedAt, version = :version, edited = edited or :edit
				where id = :id and user_id = :owner and version = :expectedVersion and deleted_at is null""")
			.paramSource(columns)
			.update();
		if (rows == 1) {
			jdbc.sql("delete from task_tags where task_id = :id").param("id", task.id()).update();
			insertTags(task.id(), task.tags());
			jdbc.sql("delete from task_reminders where task_id = :id").param("id", task.id()).update();
			insertReminders(task.id(), task.reminders());
		}
		return rows == 1;
	}

	/** Moves a live task to the trash as version {@code version}; false if it is not live any more. */
	public boolean moveToTrash(UUID owner, long id, int version, Instant now) {
		return jdbc.sql("""
				update tasks set deleted_at = :now, version = :version, edited = true
				where id = :id and user_id = :owner and deleted_at is null""")
			.param("now", SqlTime.utc(now))
			.param("version", version)
			.param("id", id)
			.param("owner", owner)
			.update() == 1;
	}

	/** Brings a task back from the trash as version {@code version}; false if it is not in the trash. */
	public boolean restoreFromTrash(UUID owner, long id, int version, Instant now) {
		return jdbc.sql("""
				update tasks set deleted_at = null, updated_at = :now, version = :version, edited = true
				where id = :id and user_id = :owner and deleted_at is not null""")
			.param("now", SqlTime.utc(now))
			.param("version", version)
			.param("id", id)
			.param("owner", owner)
			.update() == 1;
	}

	/**
	 * Removes a live, pending task for good (tags and reminders cascade) if it is still at {@code version}
	 * and no person has changed it since it was created; false otherwise.
	 */
	public boolean removeUnedited(UUID owner, long id, int version) {
		return jdbc.sql("""
				delete from tasks where id = :id and user_id = :owner and version = :version and deleted_at is null
				  and not edited and status = 'pending'""")
			.param("id", id)
			.param("owner", owner)
			.param("version", version)
			.update() == 1;
	}

	/** Removes for good the tasks deleted before {@code cutoff} (tags and reminders cascade). */
	public int purgeDeletedBefore(Instant cutoff) {
		return jdbc.sql("delete from tasks where deleted_at < :cutoff")
			.param("cutoff", SqlTime.utc(cutoff))
			.update();
	}

	public Optional<Task> find(UUID owner, long id) {
		return find(owner, id, false, false);
	}

	/** Reads a task and locks its row until the transaction ends, for read-modify-write changes. */
	public Optional<Task> findForUpdate(UUID owner, long id) {
		return find(owner, id, true, false);
	}

	/** Reads and locks a task in the trash. */
	public Optional<Task> findDeletedForUpdate(UUID owner, long id) {
		return find(owner, id, true, true);
	}

	/** Places a new task in a series: its own, as the first instance, or the one a next instance continues. */
	public void joinSeries(long id, Series series) {
		jdbc.sql("""
				update tasks set series_id = :seriesId, series_index = :index, series_anchor = :anchor
				where id = :id""")
			.param("id", id)
			.param("seriesId", series.id())
			.param("index", series.index())
			.param("anchor", series.anchor())
			.update();
	}

	/** A user's live all-day tasks with a reminder relative to their day, in id order (the order they are locked in). */
	public List<Long> findAllDayWithRelativeReminders(UUID owner) {
		return jdbc.sql("""
				select t.id from tasks t where t.user_id = :owner and t.due_date is not null and t.deleted_at is null
				and exists (select 1 from task_reminders r where r.task_id = t.id and r.before_seconds is not null)
				order by t.id""")
			.param("owner", owner)
			.query(Long.class)
			.list();
	}

	/**
	 * Works out again, in {@code zone}, when each of a user's all-day tasks begins and becomes overdue
	 * (live and in the trash), and when the relative reminders of those in the trash fire. One statement
	 * per distinct day, however many tasks share it.
	 */
	public void retimeAllDay(UUID owner, ZoneId zone) {
		List<LocalDate> days = jdbc.sql("select distinct due_date from tasks where user_id = :owner and due_date is not null")
			.param("owner", owner)
			.query((rs, row) -> rs.getObject("due_date", LocalDate.class))
			.list();
		for (LocalDate day : days) {
			Due due = Due.allDay(day);
			jdbc.sql("""
					update tasks set due_at = :startsAt, due_sort = :startsAt, overdue_at = :overdueAt
					where user_id = :owner and due_date = :day""")
				.param("startsAt", SqlTime.utc(due.startsAt(zone)))
				.param("overdueAt", SqlTime.utc(due.overdueAt(zone)))
				.param("owner", owner)
				.param("day", day)
				.update();
		}
		Map<Long, Instant> trashed = new HashMap<>();
		jdbc.sql("""
				select r.id, r.before_seconds, t.due_date from task_reminders r join tasks t on t.id = r.task_id
				where t.user_id = :owner and t.deleted_at is not null and t.due_date is not null
				and r.before_seconds is not null""")
			.param("owner", owner)
			.query(rs -> {
				trashed.put(rs.getLong("id"), new Reminder.Spec(null, Duration.ofSeconds(rs.getLong("before_seconds")))
					.remindAt(Due.allDay(rs.getObject("due_date", LocalDate.class)), zone));
			});
		trashed.forEach((id, remindAt) -> jdbc.sql("update task_reminders set remind_at = :remindAt where id = :id")
			.param("remindAt", SqlTime.utc(remindAt))
			.param("id", id)
			.update());
	}

	/** The id of the instance created after {@code previousTaskId}, if there is one. */
	public Optional<Long> findNextInstance(long previousTaskId) {
		return jdbc.sql("select id from tasks where previous_task_id = :previous")
			.param("previous", previousTaskId)
			.query(Long.class)
			.optional();
	}

	private Optional<Task> find(UUID owner, long id, boolean lock, boolean deleted) {
		List<Task> tasks = jdbc.sql("select * from tasks where id = :id and user_id = :owner and deleted_at is "
				+ (deleted ? "not null" : "null") + (lock ? " for update" : ""))
			.param("id", id)
			.param("owner", owner)
			.query(TaskRepository::mapWithoutDetails)
			.list();
		return withDetails(tasks).stream().findFirst();
	}

	/**
	 * Has PostgreSQL plan the rest of this transaction's statements for their actual parameter values.
	 * Its JDBC driver prepares a statement on the server once it has run five times, and PostgreSQL may
	 * then keep a generic plan, made for an average owner and average filter values. Tasks are far from
	 * evenly spread: for the person with 100,000 tasks (bench/README.md) such plans read and sort every
	 * one of their tasks, where the plan for the actual values reads the first rows of the sort order's
	 * index. A search for a common word took 21–28 ms a page that way instead of 0.1–0.2 ms, a filter by
	 * two tags 150–165 ms instead of 0.4 ms. Planning each list costs PostgreSQL about 0.1 ms.
	 */
	void planForActualValues() {
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	long count(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** Runs a list query built by {@link TaskListQuery}; returns tasks and the raw sort values of each row. */
	List<ListedTask> list(String sql, Map<String, Object> params, List<SortColumn.Type> sortTypes) {
		List<ListedTask> rows = jdbc.sql(sql).params(params).query((rs, row) -> {
			Object[] sortValues = new Object[sortTypes.size()];
			for (int i = 0; i < sortValues.length; i++) {
				sortValues[i] = sortTypes.get(i).read(rs, "k" + i);
			}
			return new ListedTask(mapWithoutDetails(rs, row), sortValues);
		}).list();
		List<Task> tasks = withDetails(rows.stream().map(ListedTask::task).toList());
		List<ListedTask> result = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			result.add(new ListedTask(tasks.get(i), rows.get(i).sortValues()));
		}
		return result;
	}

	record ListedTask(Task task, Object[] sortValues) {
	}

	/** Loads the tags and reminders of a page of tasks with one query each. */
	private List<Task> withDetails(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return tasks;
		}
		List<Long> ids = tasks.stream().map(Task::id).toList();
		Map<Long, List<String>> tags = new HashMap<>();
		jdbc.sql("select task_id, tag from task_tags where task_id in (:ids)")
			.param("ids", ids)
			.query(rs -> {
				tags.computeIfAbsent(rs.getLong("task_id"), id -> new ArrayList<>()).add(rs.getString("tag"));
			});
		Map<Long, List<Reminder>> reminders = new HashMap<>();
		jdbc.sql("select * from task_reminders where task_id in (:ids) order by task_id, position")
			.param("ids", ids)
			.query(rs -> {
				long seconds = rs.getLong("before_seconds");
				Duration before = rs.wasNull() ? null : Duration.ofSeconds(seconds);
				reminders.computeIfAbsent(rs.getLong("task_id"), id -> new ArrayList<>())
					.add(new Reminder(SqlTime.instant(rs, "at"), before, SqlTime.instant(rs, "remind_at"),
							SqlTime.instant(rs, "sent_at"), rs.getBoolean("snoozed")));
			});
		return tasks.stream()
			.map(t -> new Task(t.id(), t.ownerId(), t.title(), t.description(), t.status(), t.priority(),
					sortedTags(tags.getOrDefault(t.id(), List.of())), t.due(), t.recurrence(), t.series(),
					List.copyOf(reminders.getOrDefault(t.id(), List.of())), t.createdAt(), t.updatedAt(),
					t.completedAt(), t.version()))
			.toList();
	}

	/** All tags in one statement: one round trip however many there are. */
	private void insertTags(long taskId, Collection<String> tags) {
		if (tags.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into task_tags (task_id, tag) values ");
		Map<String, Object> params = new HashMap<>();
		params.put("id", taskId);
		int i = 0;
		for (String tag : tags) {
			sql.append(i == 0 ? "" : ", ").append("(:id, :tag").append(i).append(')');
			params.put("tag" + i, tag);
			i++;
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	private void insertReminders(long taskId, List<Reminder> reminders) {
		for (int i = 0; i < reminders.size(); i++) {
			Reminder reminder = reminders.get(i);
			jdbc.sql("""
					insert into task_reminders (task_id, position, at, before_seconds, remind_at, sent_at, snoozed)
					values (:taskId, :position, :at, :before, :remindAt, :sentAt, :snoozed)""")
				.param("taskId", taskId)
				.param("position", i)
				.param("at", SqlTime.utc(reminder.at()))
				.param("before", reminder.before() == null ? null : reminder.before().getSeconds())
				.param("remindAt", SqlTime.utc(reminder.remindAt()))
				.param("sentAt", SqlTime.utc(reminder.sentAt()))
				.param("snoozed", reminder.snoozed())
				.update();
		}
	}

	private static Map<String, Object> columns(Task task, ZoneId zone, Long previousTaskId) {
		Due due = task.due();
		Map<String, Object> columns = new HashMap<>();
		columns.put("owner", task.ownerId());
		columns.put("title", task.title());
		columns.put("description", task.description());
		columns.put("status", task.status().value());
		columns.put("priority", task.priority().rank());
		columns.put("dueAt", due == null ? null : SqlTime.utc(due.startsAt(zone)));
		columns.put("dueDate", due == null ? null : due.date());
		columns.put("dueOffset", due == null || due.allDay() ? null : due.dateTime().getOffset().getId());
		columns.put("overdueAt", due == null ? null : SqlTime.utc(due.overdueAt(zone)));
		columns.put("dueSort", due == null ? NO_DUE_SENTINEL : SqlTime.utc(due.startsAt(zone)));
		columns.put("titleSort", titleSortKey(task.title()));
		columns.put("searchText", searchText(task));
		columns.put("recurrence", task.recurrence() == null ? null : task.recurrence().text());
		columns.put("recurrenceFrom", task.recurrence() == null ? null : task.recurrence().from().value());
		columns.put("seriesId", task.series() == null ? null : task.series().id());
		columns.put("seriesIndex", task.series() == null ? null : task.series().index());
		columns.put("seriesAnchor", task.series() == null ? null : task.series().anchor());
		columns.put("previousTaskId", previousTaskId);
		columns.put("createdAt", SqlTime.utc(task.createdAt()));
		columns.put("updatedAt", SqlTime.utc(task.updatedAt()));
		columns.put("completedAt", SqlTime.utc(task.completedAt()));
		columns.put("version", task.version());
		return columns;
	}

	static String searchText(Task task) {
		String text = task.title() + "\n" + (task.description() == null ? "" : task.description()) + "\n"
				+ String.join(" ", task.tags());
		return text.toLowerCase(Locale.ROOT);
	}

	/**
	 * Title and description with U+FFFD for each lone surrogate: H2 stored them before {@link UserText}
	 * refused them, and a UTF-8 writer (the CSV export) stops at one, breaking a backup off there.
	 */
	private static Task mapWithoutDetails(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getLong("id"), rs.getObject("user_id", UUID.class),
				UserText.withoutLoneSurrogates(rs.getString("title")),
				UserText.withoutLoneSurrogates(rs.getString("description")), TaskStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
				Priority.ofRank(rs.getInt("priority")), List.of(), due(rs), recurrence(rs),
				series(rs), List.of(), SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"),
				SqlTime.instant(rs, "completed_at"), rs.getInt("version"));
	}

	private static Series series(ResultSet rs) throws SQLException {
		Long id = rs.getObject("series_id", Long.class);
		return id == null ? null : new Series(id, rs.getInt("series_index"), rs.getString("series_anchor"));
	}

	private static Recurrence recurrence(ResultSet rs) throws SQLException {
		String text = rs.getString("recurrence");
		return text == null ? null
				: new Recurrence(text, Recurrence.From.parse(rs.getString("recurrence_from")).orElse(Recurrence.From.DUE));
	}

	private static Due due(ResultSet rs) throws SQLException {
		LocalDate date = rs.getObject("due_date", LocalDate.class);
		if (date != null) {
			return Due.allDay(date);
		}
		OffsetDateTime at = rs.getObject("due_at", OffsetDateTime.class);
		if (at == null) {
			return null;
		}
		return Due.at(at.withOffsetSameInstant(ZoneOffset.of(rs.getString("due_offset"))));
	}

	/** How a title is compared for sorting and for finding a task by its exact title: case ignored. */
	static String titleSortKey(String title) {
		return title.toLowerCase(Locale.ROOT);
	}

}
