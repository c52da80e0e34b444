package dev.taskflow.tasks.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The views menu every signed-in page shows (sidebar on wide screens, a scrolling strip on phones):
 * Today, Upcoming, Inbox, Completed and the person's saved views, the one on screen marked current. The
 * built-in views come with how many tasks they hold; the saved ones get theirs after the page, from
 * {@code GET /views/counts} ({@link SavedViewCounts}): a saved view may filter by text, which no index
 * serves, and fifty of them counted while the page rendered made every page wait for them. Only pages get
 * the menu ({@link PageController}); htmx fragments get none, so they pay no counts, but a swap of the
 * whole page content (quick add) gets it, to update the counts beside it.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class ViewsMenu {

	/**
	 * One entry: its name, icon (sprite id), link and count ("12", "999+"; null for a saved view, whose
	 * count comes after the page); {@code current} when it is on screen; {@code savedViewId} for a saved
	 * view, null for a built-in one.
	 */
	record Item(String label, String icon, String url, String count, boolean current, Long savedViewId) {

		Item notCurrent() {
			return new Item(label, icon, url, count, false, savedViewId);
		}
	}

	/** The built-in views, then the saved ones. */
	record Menu(List<Item> views, List<Item> saved) {
	}

	private final Accounts accounts;

	private final ViewCounter counter;

	private final SavedViews savedViews;

	private final Clock clock;

	ViewsMenu(Accounts accounts, ViewCounter counter, SavedViews savedViews, Clock clock) {
		this.accounts = accounts;
		this.counter = counter;
		this.savedViews = savedViews;
		this.clock = clock;
	}

	@ModelAttribute("menu")
	Menu menu(HttpServletRequest request) {
		boolean fragment = request.getHeader("HX-Request") != null && !"main".equals(request.getHeader("HX-Target"));
		if (fragment) {
			return null;
		}
		return accounts.signedIn().map(user -> build(user, request)).orElse(null);
	}

	/** The list on screen, marked in the menu: none off the list page, nor for a view the list does not have. */
	private static TaskListFilter onScreen(HttpServletRequest request) {
		if (!"/tasks".equals(request.getRequestURI())) {
			return null;
		}
		if ("POST".equals(request.getMethod())) {
			return TaskListFilter.parse(request.getParameter("back"));
		}
		return TaskListFilter.isView(request.getParameter("view")) ? TaskListFilter.of(request::getParameter) : null;
	}

	private Menu build(CurrentUser user, HttpServletRequest request) {
		TaskListFilter onScreen = onScreen(request);
		LocalDate today = LocalDate.now(clock.withZone(user.timeZone()));
		List<Item> views = new ArrayList<>();
		views.add(item("Today", "i-today", TaskListFilter.ofView(TaskListFilter.TODAY), user, today, onScreen));
		views.add(item("Upcoming", "i-upcoming", TaskListFilter.ofView(TaskListFilter.UPCOMING), user, today,
				onScreen));
		views.add(item("Inbox", "i-inbox", TaskListFilter.inbox(), user, today, onScreen));
		views.add(item("Completed", "i-done", TaskListFilter.ofStatus("completed"), user, today, onScreen));
		List<Item> saved = savedViews.list(user).stream().map(view -> {
			TaskListFilter filter = SavedViews.filterOf(view);
			return new Item(view.name(), "i-saved", filter.url(), null, onScreen != null && onScreen.sameListAs(filter),
					view.id());
		}).toList();
		// a saved view that shows exactly a built-in one is the one marked current
		boolean savedIsCurrent = saved.stream().anyMatch(Item::current);
		return new Menu(views.stream().map(item -> savedIsCurrent && item.current() ? item.notCurrent() : item).toList(),
				saved);
	}

	private Item item(String label, String icon, TaskListFilter filter, CurrentUser user, LocalDate today,
			TaskListFilter onScreen) {
		return new Item(label, icon, filter.url(), counter.count(filter, user, today),
				onScreen != null && onScreen.sameListAs(filter), null);
	}
}
