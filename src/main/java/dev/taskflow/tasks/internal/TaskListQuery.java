package dev.taskflow.tasks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.taskflow.platform.DatabaseProduct;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.UserText;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.TaskPage;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link TaskQuery} into SQL with keyset paging: the next page starts strictly after the
 * last row's sort values, so rows inserted meanwhile never shift or repeat a page (unlike OFFSET).
 */
@Component
public class TaskListQuery {

	private final TaskRepository tasks;

	private final JsonMapper json;

	private final ListIndexHint indexHint;

	/** PostgreSQL: every list is planned for its values (see {@link TaskRepository#planForActualValues}). */
	private final boolean plannedForActualValues;

	TaskListQuery(TaskRepository tasks, JsonMapper json, DataSource dataSource) {
		this.tasks = tasks;
		this.json = json;
		String database = DatabaseProduct.nameOf(dataSource);
		this.indexHint = new ListIndexHint("H2".equals(database));
		this.plannedForActualValues = "PostgreSQL".equals(database);
	}

	/** SET LOCAL lasts until the transaction ends; without one it would do nothing but warn. */
	private void planForActualValues() {
		if (plannedForActualValues && TransactionSynchronizationManager.isActualTransactionActive()) {
			tasks.planForActualValues();
		}
	}

	public TaskPage run(UUID owner, TaskQuery query, Instant now) {
		return run(owner, query, now, null);
	}

	/**
	 * The page of tasks whose title is {@code title} (ignoring case, as the title sort compares), among
	 * those the query matches: a name someone says may hide among more partial matches than a page holds.
	 */
	public TaskPage runTitled(UUID owner, String title, TaskQuery query, Instant now) {
		return run(owner, query, now, TaskRepository.titleSortKey(title.strip()));
	}

	private TaskPage run(UUID owner, TaskQuery query, Instant now, String titleSort) {
		Sql sql = build(owner, query, now, titleSort);
		planForActualValues();
		List<TaskRepository.ListedTask> rows = tasks.list(sql.text(), sql.params(),
				sql.columns().stream().map(SortColumn::type).toList());
		boolean more = rows.size() > query.limit();
		List<TaskRepository.ListedTask> page = more ? rows.subList(0, query.limit()) : rows;
		String next = more ? encode(query, page.get(page.size() - 1).sortValues()) : null;
		return new TaskPage(page.stream().map(TaskRepository.ListedTask::task).toList(), next);
	}

	/** The number of matching tasks, or {@code upTo} if there are at least that many (it stops reading there). */
	public long count(UUID owner, TaskQuery query, Instant now, int upTo) {
		Map<String, Object> params = new HashMap<>();
		params.put("owner", owner);
		// the same rows a page lists: tasks in the trash count nowhere
		StringBuilder sql = new StringBuilder(
				"select count(*) from (select 1 from tasks t where t.user_id = :owner and t.deleted_at is null");
		filters(query, now, sql, params);
		sql.append(" limit :upTo) matching");
		params.put("upTo", upTo);
		planForActualValues();
		return tasks.count(sql.toString(), params);
	}

	/** The statement for one page (one row more than the limit, to know whether there is a next page). */
	record Sql(String text, Map<String, Object> params, List<SortColumn> columns) {
	}

	Sql build(UUID owner, TaskQuery query, Instant now) {
		return build(owner, query, now, null);
	}

	private Sql build(UUID owner, TaskQuery query, Instant now, String titleSort) {
		List<SortColumn> columns = SortColumn.of(query.sort());
		Map<String, Object> params = new HashMap<>();
		params.put("owner", owner);
		StringBuilder sql = new StringBuilder("select t.*");
		for (int i = 0; i < columns.size(); i++) {
			sql.append(", ").append(columns.get(i).expression()).append(" as k").append(i);
		}
		sql.append(" from tasks t").append(indexHint.clause(columns.get(0), query.statuses().size() == 1));
		sql.append(" where t.user_id = :owner and t.deleted_at is null");
		filters(query, now, sql, params);
		if (titleSort != null) {
			sql.append(" and t.title_sort = :titleSort");
			params.put("titleSort", titleSort);
		}
		if (query.cursor() != null) {
			keyset(columns, decode(query.cursor(), query, columns), sql, params);
		}
		// The columns the filter fixes by equality lead the ORDER BY: it changes no order, but H2 uses an
		// index to return rows already sorted only when the ORDER BY starts with the index's leading
		// columns (PostgreSQL drops such constant keys by itself).
		sql.append(" order by t.user_id");
		if (query.statuses().size() == 1) {
			sql.append(", t.status");
		}
		for (SortColumn column : columns) {
			sql.append(", ").append(column.expression()).append(column.descending() ? " desc" : " asc");
		}
		sql.append(" limit :limit");
		params.put("limit", query.limit() + 1);
		return new Sql(sql.toString(), params, columns);
	}

	private static void filters(TaskQuery query, Instant now, StringBuilder sql, Map<String, Object> params) {
		if (query.statuses().size() == 1) {
			// an equality, which H2 can match to an index's leading columns (see the ORDER BY)
			sql.append(" and t.status = :status");
			params.put("status", query.statuses().iterator().next().value());
		}
		else if (!query.statuses().isEmpty()) {
			sql.append(" and t.status in (:statuses)");
			params.put("statuses", query.statuses().stream().map(TaskStatus::value).toList());
		}
		if (!query.priorities().isEmpty()) {
			sql.append(" and t.priority in (:priorities)");
			params.put("priorities", query.priorities().stream().map(Priority::rank).toList());
		}
		if (!query.tags().isEmpty()) {
			params.put("tags", query.tags());
			if (query.allTags()) {
				sql.append(" and (select count(*) from task_tags tt where tt.task_id = t.id and tt.tag in (:tags)) = :tagCount");
				params.put("tagCount", query.tags().size());
			}
			else {
				sql.append(" and exists (select 1 from task_tags tt where tt.task_id = t.id and tt.tag in (:tags))");
			}
		}
		if (query.dueFrom() != null) {
			sql.append(" and t.due_at >= :dueFrom");
			params.put("dueFrom", SqlTime.utc(query.dueFrom()));
		}
		if (query.dueBefore() != null) {
			sql.append(" and t.due_at < :dueBefore");
			params.put("dueBefore", SqlTime.utc(query.dueBefore()));
		}
		if (query.overdue() != null) {
			sql.append(query.overdue() ? " and t.status = 'pending' and t.overdue_at <= :now"
					: " and (t.status <> 'pending' or t.overdue_at is null or t.overdue_at > :now)");
			params.put("now", SqlTime.utc(now));
		}
		if (query.hasDue() != null) {
			sql.append(query.hasDue() ? " and t.due_at is not null" : " and t.due_at is null");
		}
		if (query.q() != null && !query.q().isBlank()) {
			sql.append(" and t.search_text like :q escape '\\'");
			params.put("q", "%" + escapeLike(query.q().strip().toLowerCase(Locale.ROOT)) + "%");
		}
	}

	/** (a > x) or (a = x and b > y) or …, with > or < per column direction. */
	private static void keyset(List<SortColumn> columns, List<Object> after, StringBuilder sql,
			Map<String, Object> params) {
		List<String> alternatives = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			StringBuilder alternative = new StringBuilder("(");
			for (int j = 0; j < i; j++) {
				alternative.append(columns.get(j).expression()).append(" = :c").append(j).append(" and ");
			}
			SortColumn column = columns.get(i);
			alternative.append(column.expression()).append(column.descending() ? " < :c" : " > :c").append(i).append(')');
			alternatives.add(alternative.toString());
			params.put("c" + i, after.get(i));
		}
		sql.append(" and (").append(String.join(" or ", alternatives)).append(')');
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private String encode(TaskQuery query, Object[] sortValues) {
		ObjectNode cursor = json.createObjectNode();
		cursor.put("s", query.sort().format());
		ArrayNode values = cursor.putArray("v");
		for (Object value : sortValues) {
			values.add(value.toString());
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(cursor));
	}

	private List<Object> decode(String cursor, TaskQuery query, List<SortColumn> columns) {
		try {
			JsonNode node = json.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
			if (!query.sort().format().equals(node.path("s").asString())) {
				throw InvalidInput.of("cursor", "belongs to a different sort order; start again without a cursor");
			}
			JsonNode values = node.path("v");
			if (!values.isArray() || values.size() != columns.size()) {
				throw badCursor();
			}
			List<Object> parsed = new ArrayList<>();
			for (int i = 0; i < columns.size(); i++) {
				String value = values.get(i).asString();
				if (!UserText.isStorable(value, UserText.Lines.MANY)) {
					// a cursor only ever holds stored values; one with a NUL would reach the database as text
					throw badCursor();
				}
				parsed.add(columns.get(i).type().parse(value));
			}
			return parsed;
		}
		catch (InvalidInput ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw badCursor();
		}
	}

	private static InvalidInput badCursor() {
		return InvalidInput.of("cursor", "is not a cursor this API returned; use next_cursor from the previous page");
	}
}
