package dev.taskflow.tasks.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskSort;
import dev.taskflow.tasks.TaskStatus;
import dev.taskflow.tasks.Tags;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * Query-string → {@link TaskQuery}. Unknown parameters are refused rather than ignored: a typo such
 * as {@code priorty=high} silently returning everything is worse than a clear 400.
 */
final class TaskListParameters {

	private static final Set<String> KNOWN = Set.of("status", "priority", "tag", "tag_mode", "due_from", "due_to",
			"overdue", "no_due_date", "q", "sort", "limit", "cursor");

	/** The parameters that may be given several times; the rest take one value, and a second is refused. */
	private static final Set<String> REPEATABLE = Set.of("status", "priority", "tag");

	/** {@code status=all}: every status, the same as leaving the parameter out. */
	static final String ALL_STATUSES = "all";

	private TaskListParameters() {
	}

	static TaskQuery parse(MultiValueMap<String, String> params, ZoneId zone) {
		FieldErrors errors = new FieldErrors();
		params.keySet().stream().filter(name -> !KNOWN.contains(name)).sorted()
			.forEach(name -> errors.add(name, "unknown parameter; known are " + String.join(", ", KNOWN.stream().sorted().toList())));
		params.forEach((name, values) -> {
			if (KNOWN.contains(name) && !REPEATABLE.contains(name) && values.size() > 1) {
				errors.addRepeated(name, values.size());
			}
		});

		Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
		for (String value : values(params, "status")) {
			if (value.equals(ALL_STATUSES)) {
				statuses.addAll(EnumSet.allOf(TaskStatus.class));
				continue;
			}
			TaskStatus.parse(value).ifPresentOrElse(statuses::add, () -> errors.add("status",
					"'" + value + "' is not one of " + TaskStatus.allowedValues() + ", " + ALL_STATUSES));
		}
		Set<Priority> priorities = EnumSet.noneOf(Priority.class);
		for (String value : values(params, "priority")) {
			Priority.parse(value).ifPresentOrElse(priorities::add,
					() -> errors.add("priority", "'" + value + "' is not one of " + Priority.allowedValues()));
		}
		List<String> tags = Tags.normalizeAll(values(params, "tag"), "tag", errors);
		String tagMode = params.getFirst("tag_mode");
		if (tagMode != null && !tagMode.equals("any") && !tagMode.equals("all")) {
			errors.add("tag_mode", "must be any or all");
		}
		Instant dueFrom = dueBound(params.getFirst("due_from"), "due_from", zone, false, errors);
		Instant dueBefore = dueBound(params.getFirst("due_to"), "due_to", zone, true, errors);
		Boolean overdue = bool(params.getFirst("overdue"), "overdue", errors);
		Boolean noDueDate = bool(params.getFirst("no_due_date"), "no_due_date", errors);
		int limit = limit(params.getFirst("limit"), errors);
		TaskSort sort = null;
		try {
			sort = TaskSort.parse(params.getFirst("sort"));
		}
		catch (InvalidInput ex) {
			ex.problems().forEach(p -> errors.add(p.field(), p.message()));
		}
		String cursor = params.getFirst("cursor");
		errors.throwIfAny();
		return new TaskQuery(statuses, priorities, tags, "all".equals(tagMode), dueFrom, dueBefore, overdue,
				noDueDate == null ? null : !noDueDate, params.getFirst("q"), sort, limit,
				cursor == null || cursor.isBlank() ? null : cursor);
	}

	/**
	 * The same query with the next cursor, for the {@code Link: rel="next"} header. Every name and value is
	 * percent-encoded but for RFC 3986's unreserved characters: a literal {@code +} would come back as a space
	 * ({@code q=c++} searching "c  ", an offset {@code +01:00} no longer a date-time).
	 */
	static String nextPageLink(MultiValueMap<String, String> params, String cursor) {
		StringJoiner query = new StringJoiner("&", "/api/tasks?", "");
		for (Map.Entry<String, List<String>> param : params.entrySet()) {
			if (!param.getKey().equals("cursor")) {
				param.getValue().forEach(value -> query.add(queryParameter(param.getKey(), value)));
			}
		}
		return query.add(queryParameter("cursor", cursor)).toString();
	}

	private static String queryParameter(String name, String value) {
		return UriUtils.encode(name, StandardCharsets.UTF_8) + "=" + UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	/** Repeated and comma-separated values alike: {@code tag=a&tag=b} equals {@code tag=a,b}. */
	private static List<String> values(MultiValueMap<String, String> params, String name) {
		List<String> values = new ArrayList<>();
		for (String raw : params.getOrDefault(name, List.of())) {
			for (String value : raw.split(",")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
		}
		return values;
	}

	private static Instant dueBound(String value, String name, ZoneId zone, boolean upper, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Due.parse(value, zone).map(due -> {
			if (!upper) {
				return due.startsAt(zone);
			}
			// inclusive upper bound: the whole day, or the exact moment itself
			return due.allDay() ? due.overdueAt(zone) : due.startsAt(zone).plus(1, ChronoUnit.MICROS);
		}).orElseGet(() -> {
			errors.add(name, "'" + value + "' is not " + Due.EXPECTED);
			return null;
		});
	}

	private static Boolean bool(String value, String name, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				errors.add(name, "must be true or false");
				yield null;
			}
		};
	}

	private static int limit(String value, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return TaskQuery.DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= TaskQuery.MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add("limit", "must be a whole number from 1 to " + TaskQuery.MAX_LIMIT);
		return TaskQuery.DEFAULT_LIMIT;
	}
}
