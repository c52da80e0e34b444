package dev.taskflow.notifications.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.notifications.internal.Notification;
import dev.taskflow.notifications.internal.NotificationRepository;
import dev.taskflow.platform.DisplayTime;
import dev.taskflow.platform.PageController;
import dev.taskflow.platform.ResourceNotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notifications as a page of their own, for the header's bell: the same inbox the task list's live
 * panel shows through {@code /api/notifications}, readable and markable as read without JavaScript.
 */
@PageController
@RequestMapping("/notifications")
class NotificationPagesController {

	/** As many as the page shows; older ones stay in the API ({@code cursor}). */
	private static final int SHOWN = 50;

	private final NotificationRepository notifications;

	private final Clock clock;

	NotificationPagesController(NotificationRepository notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	/** One notification as the page shows it: when in the reader's words. */
	record Line(long id, long taskId, String message, String when, boolean read) {
	}

	@GetMapping
	@Transactional(readOnly = true)
	String list(CurrentUser user, Model model) {
		Instant now = clock.instant();
		List<Line> lines = notifications.recent(user.id(), false, null, SHOWN)
			.stream()
			.map(n -> line(n, user, now))
			.toList();
		model.addAttribute("lines", lines);
		model.addAttribute("unread", notifications.unreadCount(user.id()));
		return "notifications/list";
	}

	@PostMapping("/{id}/read")
	@Transactional
	String markRead(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (!notifications.markRead(user.id(), id, clock.instant())) {
			throw new ResourceNotFound("Notification not found.");
		}
		redirect.addFlashAttribute("notice", "Marked as read.");
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	@Transactional
	String markAllRead(CurrentUser user, RedirectAttributes redirect) {
		int marked = notifications.markAllRead(user.id(), clock.instant());
		redirect.addFlashAttribute("notice", marked == 1 ? "Marked 1 notification as read."
				: "Marked " + marked + " notifications as read.");
		return "redirect:/notifications";
	}

	/** Someone else's notification and a missing one look the same; so does an id that is not a number. */
	@ExceptionHandler({ ResourceNotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	private static Line line(Notification n, CurrentUser user, Instant now) {
		return new Line(n.id(), n.taskId(), n.message(), DisplayTime.moment(n.createdAt(), user.timeZone(), now),
				n.read());
	}
}
