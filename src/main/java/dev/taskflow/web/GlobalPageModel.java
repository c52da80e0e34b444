package dev.taskflow.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what the layout shows on every page: the signed-in user's e-mail (null on public pages) and the
 * chosen theme (null: the system's).
 */
@ControllerAdvice
class GlobalPageModel {

	@ModelAttribute("signedInEmail")
	String signedInEmail(Principal principal) {
		return principal == null ? null : principal.getName();
	}

	@ModelAttribute("theme")
	String theme(@CookieValue(name = ThemeController.COOKIE, required = false) String theme) {
		return ThemeController.chosenTheme(theme);
	}
}
