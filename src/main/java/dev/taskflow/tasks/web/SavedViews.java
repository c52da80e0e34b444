package dev.taskflow.tasks.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.UserText;
import dev.taskflow.tasks.internal.SavedViewRepository;
import dev.taskflow.tasks.internal.SavedViewRepository.SavedView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's saved views: any task-list filter under a name, shown in the views menu. A view is kept as
 * the list page's query string and checked the way the list reads it, so a saved view always opens.
 */
@Component
class SavedViews {

	static final int MAX_NAME_LENGTH = 60;

	static final int MAX_VIEWS = 50;

	/** The longest list query a view keeps (its column's size; the query string is ASCII, %XX-escaped). */
	static final int MAX_QUERY_LENGTH = 1000;

	/** The filters a view may hold, as the list page's URL and {@code /api/views} name them. */
	static final Set<String> FILTERS = new TreeSet<>(
			List.of("view", "status", "q", "tag", "priority", "due_from", "due_to", "sort"));

	private final SavedViewRepository views;

	private final Accounts accounts;

	private final Clock clock;

	SavedViews(SavedViewRepository views, Accounts accounts, Clock clock) {
		this.views = views;
		this.accounts = accounts;
		this.clock = clock;
	}

	List<SavedView> list(CurrentUser user) {
		return views.list(user.id());
	}

	/**
	 * @throws InvalidInput for a missing or long name, an unknown filter or one the list would refuse
	 * @throws Conflict for a name the person already uses, or too many views
	 */
	@Transactional
	SavedView create(CurrentUser user, String name, Map<String, String> filters) {
		FieldErrors errors = new FieldErrors();
		String trimmed = name == null ? "" : name.strip();
		UserText.check("name", trimmed, UserText.Lines.ONE, errors);
		if (UserText.isBlank(trimmed)) {
			errors.add("name", "is required");
		}
		else if (Characters.count(trimmed) > MAX_NAME_LENGTH) {
			errors.add("name", "must be at most " + MAX_NAME_LENGTH + " characters");
		}
		Map<String, String> given = filters == null ? Map.of() : filters;
		given.keySet().stream().filter(key -> !FILTERS.contains(key)).sorted().forEach(key -> errors
			.add("filters." + key, "is not a filter; known are " + String.join(", ", FILTERS)));
		String view = given.get("view");
		if (!TaskListFilter.isView(view)) {
			errors.add("filters.view", "must be " + String.join(" or ", TaskListFilter.VIEWS));
		}
		errors.throwIfAny();

		TaskListFilter filter = TaskListFilter.parse(queryOf(given)).firstPage();
		try {
			TaskListParameters.parse(filter.apiParameters(LocalDate.now(clock.withZone(user.timeZone()))),
					user.timeZone());
		}
		catch (InvalidInput ex) {
			throw new InvalidInput(ex.problems()
				.stream()
				.map(problem -> new InvalidInput.FieldProblem("filters." + problem.field(), problem.message()))
				.toList());
		}
		String query = filter.queryString();
		if (query.length() > MAX_QUERY_LENGTH) {
			throw InvalidInput.of("filters", "are too long to keep as a view (at most " + MAX_QUERY_LENGTH
					+ " characters as a query string); shorten the search text");
		}
		// held until commit: a view saved while the account is being deleted goes with it or is not saved, and
		// two views saved at the same instant are checked against the limit and each other's names in turn
		if (!accounts.holdAccountAlone(user.id())) {
			throw new ResourceNotFound("Account not found.");
		}
		List<SavedView> existing = views.list(user.id());
		if (existing.stream().anyMatch(saved -> sameName(saved.name(), trimmed))) {
			throw new Conflict("You already have a view named “" + trimmed + "”.");
		}
		if (existing.size() >= MAX_VIEWS) {
			throw new Conflict("You have " + MAX_VIEWS + " saved views already; delete one first.");
		}
		try {
			return views.insert(user.id(), trimmed, query, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict("You already have a view named “" + trimmed + "”.");
		}
	}

	/**
	 * Whether two view names are the same but for case. Compared here rather than with the database's
	 * {@code lower()}, which H2 and PostgreSQL apply differently to letters beyond ASCII ({@code ΛΟΓΟΣ} and
	 * {@code λογος}, {@code İstanbul} and {@code i̇stanbul} clashed on one and not the other). Upper- then
	 * lower-casing folds final sigma and dotted capital I alike; composing first makes an accent typed as
	 * one character or two the same name.
	 */
	static boolean sameName(String a, String b) {
		return folded(a).equals(folded(b));
	}

	private static String folded(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
	}

	/** @throws ResourceNotFound for an unknown view or someone else's */
	@Transactional
	void delete(CurrentUser user, long id) {
		if (!views.delete(user.id(), id)) {
			throw new ResourceNotFound("There is no saved view " + id + ".");
		}
	}

	static TaskListFilter filterOf(SavedView view) {
		return TaskListFilter.parse(view.query());
	}

	/** The filters of a view by name, e.g. {@code {"tag": "work"}}. */
	static Map<String, String> filtersOf(SavedView view) {
		return filterOf(view).parameters();
	}

	private static String queryOf(Map<String, String> filters) {
		StringBuilder query = new StringBuilder();
		filters.forEach((name, value) -> {
			if (value != null) {
				query.append(query.isEmpty() ? "" : "&").append(name).append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}
}
