package dev.taskflow.web;

import java.security.Principal;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.NotificationPreferences;
import dev.taskflow.platform.PageController;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what the layout shows on every page: the signed-in user's e-mail (null on public pages), their
 * notification preferences and the chosen theme (null: the system's). Pages and the error page only:
 * the API's controllers never render the layout ({@link PageController}).
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class GlobalPageModel {

	private final Accounts accounts;

	GlobalPageModel(Accounts accounts) {
		this.accounts = accounts;
	}

	/** How the signed-in person wants reminders shown (the page's script reads it); null on public pages. */
	@ModelAttribute("notify")
	NotificationPreferences notify(Principal principal) {
		return principal == null ? null
				: accounts.signedIn().map(user -> accounts.notificationPreferencesOf(user.id())).orElse(null);
	}

	@ModelAttribute("signedInEmail")
	String signedInEmail(Principal principal) {
		return principal == null ? null : principal.getName();
	}

	@ModelAttribute("theme")
	String theme(@CookieValue(name = ThemeController.COOKIE, required = false) String theme) {
		return ThemeController.chosenTheme(theme);
	}
}
