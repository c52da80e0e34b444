package dev.taskflow.tasks.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.AfterCommit;
import dev.taskflow.tasks.TaskEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How many tasks each saved view holds, for the menu. A view with a text filter ({@code q}) reads every
 * task of the account on H2 (no trigram index), so fifty of them on a big account take most of a minute:
 * the menu asks for these after the page is shown ({@code GET /views/counts}), never while a page renders,
 * and they are kept a minute per person, or until one of the person's tasks changes, so going from page
 * to page does not count them again.
 */
@Component
class SavedViewCounts {

	/** How long counts are shown without counting again, when no task of the person changed here meanwhile. */
	static final Duration KEPT = Duration.ofMinutes(1);

	/** The counts of one person on one day (Today and due ranges move at midnight), by the view's list URL. */
	private record Counted(LocalDate day, Instant countedAt, Map<String, String> byUrl) {

		boolean freshOn(LocalDate today, Instant now) {
			return day.equals(today) && countedAt.plus(KEPT).isAfter(now);
		}
	}

	private final Map<UUID, Counted> byUser = new ConcurrentHashMap<>();

	private final SavedViews views;

	private final ViewCounter counter;

	private final Clock clock;

	SavedViewCounts(SavedViews views, ViewCounter counter, Clock clock) {
		this.views = views;
		this.counter = counter;
		this.clock = clock;
	}

	/** Each saved view's id and its count ("12", "999+"), in the menu's order. */
	Map<Long, String> of(CurrentUser user) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, user.timeZone());
		byUser.values().removeIf(counted -> !counted.freshOn(counted.day(), now));
		Counted counted = byUser.compute(user.id(), (id, kept) -> kept != null && kept.freshOn(today, now) ? kept
				: new Counted(today, now, new ConcurrentHashMap<>()));
		Map<Long, String> counts = new LinkedHashMap<>();
		views.list(user).forEach(view -> {
			TaskListFilter filter = SavedViews.filterOf(view);
			counts.put(view.id(), counted.byUrl().computeIfAbsent(filter.url(), url -> counter.count(filter, user, today)));
		});
		return counts;
	}

	/**
	 * A change to one of the person's tasks, once committed, may move any count. Not a
	 * {@code @TransactionalEventListener}: Spring Modulith would store a publication row for it with every
	 * task change (see {@link AfterCommit}).
	 */
	@EventListener
	void on(TaskEvent event) {
		AfterCommit.run(() -> byUser.remove(event.ownerId()));
	}
}
