package dev.taskflow.tasks.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The filters of the task list page as they appear in its URL: a few of the API's list parameters,
 * read by {@link TaskListParameters} exactly as the API reads them. Actions on the page carry the
 * filter along as a query string ({@code back}), so the user lands on the same view afterwards. The
 * methods templates call are public, as the template language only calls public methods.
 *
 * @param status {@code pending} (the default), {@code completed} or {@code all}
 * @param sort the API's sort notation, e.g. {@code due,-priority}; null for the API's default
 */
record TaskListFilter(String status, String q, String tag, String sort, String cursor) {

	static final String ALL = "all";

	private static final String DEFAULT_STATUS = "pending";

	private static final Map<String, String> SORTS = sorts();

	TaskListFilter {
		status = blankToNull(status) == null ? DEFAULT_STATUS : status.strip();
		q = blankToNull(q);
		tag = blankToNull(tag);
		sort = blankToNull(sort);
		cursor = blankToNull(cursor);
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
		return new TaskListFilter(values.get("status"), values.get("q"), values.get("tag"), values.get("sort"),
				values.get("cursor"));
	}

	MultiValueMap<String, String> apiParameters() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		if (!ALL.equals(status)) {
			params.add("status", status);
		}
		addIfPresent(params, "q", q);
		addIfPresent(params, "tag", tag);
		addIfPresent(params, "sort", sort);
		addIfPresent(params, "cursor", cursor);
		return params;
	}

	/** The filter as a query string without defaults, e.g. {@code status=all&q=milk}; empty for the default view. */
	public String queryString() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("status", DEFAULT_STATUS.equals(status) ? null : status);
		params.put("q", q);
		params.put("tag", tag);
		params.put("sort", sort);
		params.put("cursor", cursor);
		return params.entrySet()
			.stream()
			.filter(param -> param.getValue() != null)
			.map(param -> param.getKey() + "=" + URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public String url() {
		String query = queryString();
		return query.isEmpty() ? "/tasks" : "/tasks?" + query;
	}

	public TaskListFilter withStatus(String newStatus) {
		return new TaskListFilter(newStatus, q, tag, sort, null);
	}

	public TaskListFilter withTag(String newTag) {
		return new TaskListFilter(status, q, newTag, sort, null);
	}

	/** The same view without search and tag. */
	public TaskListFilter withoutSearch() {
		return new TaskListFilter(status, null, null, sort, null);
	}

	public TaskListFilter withCursor(String newCursor) {
		return new TaskListFilter(status, q, tag, sort, newCursor);
	}

	public TaskListFilter firstPage() {
		return withCursor(null);
	}

	/** True when the search or tag narrows the list, so an empty list means "no match", not "no tasks". */
	public boolean narrowed() {
		return q != null || tag != null;
	}

	/** The sort menu: value in API notation → label, including a sort typed into the URL by hand. */
	public Map<String, String> sortOptions() {
		if (sort == null || SORTS.containsKey(sort)) {
			return SORTS;
		}
		Map<String, String> options = new LinkedHashMap<>(SORTS);
		options.put(sort, sort);
		return options;
	}

	private static Map<String, String> sorts() {
		Map<String, String> sorts = new LinkedHashMap<>();
		sorts.put("-created", "Newest first");
		sorts.put("due,-priority", "Due date");
		sorts.put("-priority,due", "Priority");
		sorts.put("title", "Title");
		sorts.put("-updated", "Recently changed");
		return sorts;
	}

	private static void addIfPresent(MultiValueMap<String, String> params, String name, String value) {
		if (value != null) {
			params.add(name, value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
