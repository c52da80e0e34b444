package dev.taskflow.notifications.web;

import java.security.Principal;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.notifications.internal.NotificationRepository;
import dev.taskflow.platform.PageController;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The unread notification count the layout's header shows on every signed-in page (account, edit,
 * history …), rendered by the server so it shows without JavaScript. htmx fragments skip it: they
 * carry no header, so the count is not worked out for every swap.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class UnreadCountOnPages {

	private final Accounts accounts;

	private final NotificationRepository notifications;

	UnreadCountOnPages(Accounts accounts, NotificationRepository notifications) {
		this.accounts = accounts;
		this.notifications = notifications;
	}

	/** Null on public pages and for htmx requests. */
	@ModelAttribute("unreadNotifications")
	Integer unreadNotifications(Principal principal,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx) {
		if (principal == null || htmx) {
			return null;
		}
		return accounts.signedIn().map(user -> notifications.unreadCount(user.id())).orElse(null);
	}
}
