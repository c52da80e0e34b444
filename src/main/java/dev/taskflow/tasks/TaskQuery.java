package dev.taskflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.taskflow.platform.UserText;

/**
 * A list request. Empty sets and nulls mean "no filter".
 *
 * @param q case-insensitive substring of title, description or tags
 * @param dueFrom inclusive lower bound of the due moment
 * @param dueBefore exclusive upper bound of the due moment
 * @param overdue pending and past due (true), or not (false)
 * @param hasDue with a due date (true) or without (false)
 * @param cursor opaque position after which the page starts, from a previous page
 */
public record TaskQuery(Set<TaskStatus> statuses, Set<Priority> priorities, List<String> tags, boolean allTags,
		Instant dueFrom, Instant dueBefore, Boolean overdue, Boolean hasDue, String q, TaskSort sort, int limit,
		String cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 200;

	public TaskQuery {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
		tags = tags == null ? List.of() : List.copyOf(tags);
		sort = sort == null ? TaskSort.DEFAULT : sort;
		UserText.require("q", q, UserText.Lines.ONE);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/** The same query, for the page that {@code cursor} (a page's {@code nextCursor}) points to. */
	public TaskQuery after(String cursor) {
		return new TaskQuery(statuses, priorities, tags, allTags, dueFrom, dueBefore, overdue, hasDue, q, sort, limit, cursor);
	}
}
