package dev.taskflow.tasks.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The filters of the task list page as they appear in its URL: a view ({@code today}, {@code upcoming})
 * and a few of the API's list parameters, read by {@link TaskListParameters} exactly as the API reads
 * them. Actions on the page carry the filter along as a query string ({@code back}), so the user lands on
 * the same view afterwards; a saved view keeps it under a name. The methods templates call are public,
 * as the template language only calls public methods.
 *
 * @param view {@code today} (pending, overdue or due today), {@code upcoming} (pending, due in the next
 * seven days) or null for a plain list
 * @param status {@code pending} (the default), {@code completed} or {@code all}
 * @param priority the API's priority filter, e.g. {@code high} or {@code high,medium}
 * @param dueFrom first due day, {@code 2026-12-01}; ignored by the dated views
 * @param dueTo last due day, inclusive; ignored by the dated views
 * @param sort the API's sort notation, e.g. {@code due,-priority}; null for the view's default
 */
record TaskListFilter(String view, String status, String q, String tag, String priority, String dueFrom,
		String dueTo, String sort, String cursor) {

	static final String ALL = "all";

	static final String TODAY = "today";

	static final String UPCOMING = "upcoming";

	/** The views a list URL may name; without one it is the plain list (Inbox, Completed, All tasks). */
	static final List<String> VIEWS = List.of(TODAY, UPCOMING);

	/** How many days Upcoming shows, today included. */
	static final int UPCOMING_DAYS = 7;

	private static final String DEFAULT_STATUS = "pending";

	/** Dated tasks first, soonest first; the API's own default (newest first) suits a log, not a to-do list. */
	private static final String DEFAULT_SORT = "due,-priority";

	private static final Map<String, String> SORTS = sorts();

	/**
	 * An unknown view becomes the plain list here, for a filter read back from our own query strings
	 * ({@code back}, a saved view); a URL someone typed is checked first with {@link #isView}.
	 */
	TaskListFilter {
		view = blankToNull(view);
		if (!isView(view)) {
			view = null;
		}
		status = view != null || blankToNull(status) == null ? DEFAULT_STATUS : status.strip();
		q = blankToNull(q);
		tag = blankToNull(tag);
		priority = blankToNull(priority);
		dueFrom = view != null ? null : blankToNull(dueFrom);
		dueTo = view != null ? null : blankToNull(dueTo);
		sort = blankToNull(sort);
		cursor = blankToNull(cursor);
	}

	/** Whether the text names one of the {@link #VIEWS}; none (null or blank) is the plain list and fine too. */
	static boolean isView(String view) {
		return view == null || view.isBlank() || VIEWS.contains(view.strip());
	}

	static TaskListFilter inbox() {
		return new TaskListFilter(null, null, null, null, null, null, null, null, null);
	}

	static TaskListFilter ofView(String view) {
		return new TaskListFilter(view, null, null, null, null, null, null, null, null);
	}

	static TaskListFilter ofStatus(String status) {
		return new TaskListFilter(null, status, null, null, null, null, null, null, null);
	}

	/** Reads a filter back from {@link #queryString()}; anything unreadable yields the default view. */
	static TaskListFilter parse(String queryString) {
		Map<String, String> values = new LinkedHashMap<>();
		if (queryString != null) {
			for (String pair : queryString.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					try {
						values.putIfAbsent(pair.substring(0, equals),
								URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
					}
					catch (IllegalArgumentException ex) {
						// a mangled value is dropped; the user still gets back to their list
					}
				}
			}
		}
		return of(values::get);
	}

	/** The filter of a list page request: its URL's parameters, by the names {@link #queryString()} writes. */
	static TaskListFilter of(Function<String, String> parameter) {
		return new TaskListFilter(parameter.apply("view"), parameter.apply("status"), parameter.apply("q"),
				parameter.apply("tag"), parameter.apply("priority"), parameter.apply("due_from"),
				parameter.apply("due_to"), parameter.apply("sort"), parameter.apply("cursor"));
	}

	/** The API's list parameters for this filter; {@code today} is the reader's today. */
	MultiValueMap<String, String> apiParameters(LocalDate today) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		if (!ALL.equals(status)) {
			params.add("status", status);
		}
		addIfPresent(params, "q", q);
		addIfPresent(params, "tag", tag);
		addIfPresent(params, "priority", priority);
		if (TODAY.equals(view)) {
			params.add("due_to", today.toString());
		}
		else if (UPCOMING.equals(view)) {
			params.add("due_from", today.toString());
			params.add("due_to", today.plusDays(UPCOMING_DAYS - 1).toString());
		}
		else {
			addIfPresent(params, "due_from", dueFrom);
			addIfPresent(params, "due_to", dueTo);
		}
		params.add("sort", effectiveSort());
		addIfPresent(params, "cursor", cursor);
		return params;
	}

	/** The filter's parameters without defaults, in URL order, e.g. {@code status=all, q=milk}. */
	public Map<String, String> parameters() {
		Map<String, String> params = new LinkedHashMap<>();
		putIfPresent(params, "view", view);
		putIfPresent(params, "status", view != null || DEFAULT_STATUS.equals(status) ? null : status);
		putIfPresent(params, "q", q);
		putIfPresent(params, "tag", tag);
		putIfPresent(params, "priority", priority);
		putIfPresent(params, "due_from", dueFrom);
		putIfPresent(params, "due_to", dueTo);
		putIfPresent(params, "sort", sort);
		putIfPresent(params, "cursor", cursor);
		return params;
	}

	/** The filter as a query string without defaults, e.g. {@code status=all&q=milk}; empty for the default view. */
	public String queryString() {
		return parameters().entrySet()
			.stream()
			.map(param -> param.getKey() + "=" + URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public String url() {
		String query = queryString();
		return query.isEmpty() ? "/tasks" : "/tasks?" + query;
	}

	public TaskListFilter withStatus(String newStatus) {
		return new TaskListFilter(null, newStatus, q, tag, priority, dueFrom, dueTo, sort, null);
	}

	public TaskListFilter withTag(String newTag) {
		return new TaskListFilter(view, status, q, newTag, priority, dueFrom, dueTo, sort, null);
	}

	/** The same view without search, tag, priority and due range. */
	public TaskListFilter withoutSearch() {
		return new TaskListFilter(view, status, null, null, null, null, null, sort, null);
	}

	public TaskListFilter withCursor(String newCursor) {
		return new TaskListFilter(view, status, q, tag, priority, dueFrom, dueTo, sort, newCursor);
	}

	public TaskListFilter firstPage() {
		return withCursor(null);
	}

	/** True when the search or a filter narrows the list, so an empty list means "no match", not "no tasks". */
	public boolean narrowed() {
		return q != null || tag != null || priority != null || dueFrom != null || dueTo != null;
	}

	public boolean dated() {
		return view != null;
	}

	public boolean upcoming() {
		return UPCOMING.equals(view);
	}

	/** The heading of the page: the view's name. */
	public String title() {
		if (TODAY.equals(view)) {
			return "Today";
		}
		if (UPCOMING.equals(view)) {
			return "Upcoming";
		}
		return switch (status) {
			case "completed" -> "Completed";
			case ALL -> "All tasks";
			default -> "Inbox";
		};
	}

	/** Whether this filter shows what {@code other} shows, ignoring paging and sort: the menu marks it current. */
	public boolean sameListAs(TaskListFilter other) {
		return withCursor(null).withSort(null).equals(other.withCursor(null).withSort(null));
	}

	public String effectiveSort() {
		if (sort != null) {
			return sort;
		}
		return "completed".equals(status) ? "-updated" : DEFAULT_SORT;
	}

	/** The sort menu: value in API notation → label, including a sort typed into the URL by hand. */
	public Map<String, String> sortOptions() {
		String current = effectiveSort();
		if (SORTS.containsKey(current)) {
			return SORTS;
		}
		Map<String, String> options = new LinkedHashMap<>(SORTS);
		options.put(current, current);
		return options;
	}

	/** The priority menu: value in API notation → label. */
	public Map<String, String> priorityOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "Any");
		options.put("high", "High");
		options.put("high,medium", "High and medium");
		options.put("medium", "Medium");
		options.put("low", "Low");
		if (priority != null && !options.containsKey(priority)) {
			options.put(priority, priority);
		}
		return options;
	}

	private TaskListFilter withSort(String newSort) {
		return new TaskListFilter(view, status, q, tag, priority, dueFrom, dueTo, newSort, cursor);
	}

	private static Map<String, String> sorts() {
		Map<String, String> sorts = new LinkedHashMap<>();
		sorts.put("due,-priority", "Due date");
		sorts.put("-priority,due", "Priority");
		sorts.put("-created", "Newest first");
		sorts.put("title", "Title");
		sorts.put("-updated", "Recently changed");
		return sorts;
	}

	private static void addIfPresent(MultiValueMap<String, String> params, String name, String value) {
		if (value != null) {
			params.add(name, value);
		}
	}

	private static void putIfPresent(Map<String, String> params, String name, String value) {
		if (value != null) {
			params.put(name, value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
