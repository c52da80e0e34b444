package dev.taskflow.notifications.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.notifications.internal.Notification;
import dev.taskflow.notifications.internal.NotificationRepository;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.UserText;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskNotFound;
import dev.taskflow.tasks.TaskStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The signed-in user's notification inbox. Someone else's notification is "not found". */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
class NotificationApiController {

	private final NotificationRepository notifications;

	private final TaskManagement tasks;

	private final Clock clock;

	NotificationApiController(NotificationRepository notifications, TaskManagement tasks, Clock clock) {
		this.notifications = notifications;
		this.tasks = tasks;
		this.clock = clock;
	}

	record NotificationResponse(long id, long taskId, String title, String message, Instant createdAt, boolean read,
			Instant readAt) {

		static NotificationResponse of(Notification n) {
			return new NotificationResponse(n.id(), n.taskId(), n.title(), n.message(), n.createdAt(), n.read(),
					n.readAt());
		}
	}

	record NotificationPage(List<NotificationResponse> items, String nextCursor, int unreadCount) {
	}

	record UnreadCount(int unreadCount) {
	}

	record MarkedRead(int marked, int unreadCount) {
	}

	record Snoozed(NotificationResponse notification, Instant remindAt, int unreadCount) {
	}

	@GetMapping
	@Operation(summary = "Your notifications, newest first: limit (1-100, default 20), unread=true for unread "
			+ "only, cursor from next_cursor")
	@Transactional(readOnly = true)
	NotificationPage list(CurrentUser user, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String cursor) {
		if (limit < 1 || limit > 100) {
			throw InvalidInput.of("limit", "must be a whole number from 1 to 100");
		}
		List<Notification> found = notifications.recent(user.id(), unread, parseCursor(cursor), limit + 1);
		boolean more = found.size() > limit;
		List<Notification> page = more ? found.subList(0, limit) : found;
		return new NotificationPage(page.stream().map(NotificationResponse::of).toList(),
				more ? String.valueOf(page.get(page.size() - 1).id()) : null, notifications.unreadCount(user.id()));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of your notifications are unread")
	UnreadCount unreadCount(CurrentUser user) {
		return new UnreadCount(notifications.unreadCount(user.id()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one notification read (idempotent)")
	@Transactional
	NotificationResponse markRead(CurrentUser user, @PathVariable long id) {
		if (!notifications.markRead(user.id(), id, clock.instant())) {
			throw new ResourceNotFound("Notification not found.");
		}
		return notifications.find(user.id(), id).map(NotificationResponse::of).orElseThrow();
	}

	/**
	 * Reminds again later: adds a snoozed reminder at the snooze time to the notification's task (through
	 * the tasks façade, so the change is owner-checked, published and scheduled like any other edit) and
	 * marks the notification read. A snooze is about this occurrence only: a next instance of a recurring
	 * task does not copy it, and it does not take one of the task's 10 reminders. Earlier snoozes whose
	 * time has passed are dropped, so snoozing again and again does not pile them up; at most
	 * {@link TaskDraft#MAX_SNOOZES} wait at a time (409 beyond). Only a pending task's reminders fire, so
	 * snoozing that of a completed or deleted task is refused (409) rather than answered with a time at
	 * which nothing would happen. Snoozing the same notification again while its snooze waits (a double
	 * click, a second tab) adds nothing and answers with that snooze.
	 */
	@PostMapping("/{id}/snooze")
	@Operation(summary = "Remind again later: {\"for\": \"PT10M\"}, {\"until\": \"tomorrow\"} (9:00 in your zone) "
			+ "or {\"until\": \"<date-time>\"}; re-arms a reminder on the task and marks this read; while that "
			+ "reminder waits, snoozing this notification again answers with it")
	@Transactional
	Snoozed snooze(CurrentUser user, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
		Notification notification = notifications.find(user.id(), id)
			.orElseThrow(() -> new ResourceNotFound("Notification not found."));
		Instant now = clock.instant();
		Instant until = Snooze.until(body, now, user.timeZone()).truncatedTo(ChronoUnit.SECONDS);
		Instant remindAt = snoozeTask(user, notification, until, now);
		notifications.markSnoozed(user.id(), id, remindAt, now);
		return new Snoozed(notifications.find(user.id(), id).map(NotificationResponse::of).orElseThrow(), remindAt,
				notifications.unreadCount(user.id()));
	}

	/**
	 * Adds a snooze until {@code until} to the notification's task, unless the notification's earlier
	 * snooze still waits there.
	 * @return when the task reminds again
	 */
	private Instant snoozeTask(CurrentUser user, Notification notification, Instant until, Instant now) {
		AtomicReference<Instant> remindAt = new AtomicReference<>(until);
		try {
			tasks.change(user, notification.taskId(), draft -> {
				if (draft.status() == TaskStatus.COMPLETED) {
					throw new Conflict("The task '" + UserText.isolated(draft.title()) + "' is completed, so a snoozed reminder would "
							+ "never fire; reopen the task first to be reminded again.");
				}
				// read under the task's row lock: a snooze of this notification sent at the same time held
				// it until it committed, so its reminder is seen here
				Optional<Instant> waiting = notifications.snoozedUntil(user.id(), notification.id())
					.filter(earlier -> earlier.isAfter(now)
							&& draft.reminders().contains(Reminder.Spec.snoozedUntil(earlier)));
				if (waiting.isPresent()) {
					remindAt.set(waiting.get());
					return draft;
				}
				return draft.withReminders(snoozed(draft, until, now));
			}, null);
		}
		catch (TaskNotFound ex) {
			throw new Conflict("The task of this notification has been deleted, so there is nothing to remind you "
					+ "of; if it is still in the trash, restore it first to be reminded again.");
		}
		return remindAt.get();
	}

	private static List<Reminder.Spec> snoozed(TaskDraft draft, Instant until, Instant now) {
		List<Reminder.Spec> kept = new ArrayList<>();
		for (Reminder.Spec spec : draft.reminders()) {
			if (!spec.snoozed() || spec.at().isAfter(now)) {
				kept.add(spec);
			}
		}
		if (kept.stream().filter(Reminder.Spec::snoozed).count() >= TaskDraft.MAX_SNOOZES) {
			throw new Conflict("The task '" + UserText.isolated(draft.title()) + "' already has " + TaskDraft.MAX_SNOOZES
					+ " snoozed reminders waiting; let one of them fire first.");
		}
		kept.add(Reminder.Spec.snoozedUntil(until));
		return kept;
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all your notifications read")
	@Transactional
	MarkedRead markAllRead(CurrentUser user) {
		int marked = notifications.markAllRead(user.id(), clock.instant());
		return new MarkedRead(marked, notifications.unreadCount(user.id()));
	}

	private static Long parseCursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(cursor.strip());
			if (id < 1) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.of("cursor", "is not a cursor this API returned");
		}
	}
}
