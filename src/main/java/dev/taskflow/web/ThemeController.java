package dev.taskflow.web;

import java.net.URI;
import java.time.Duration;

import dev.taskflow.platform.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The light/dark switch without scripts: remembers the choice in a cookie and returns to the page. With
 * scripts, shell.js flips the theme in place and writes the same cookie. No cookie means "as the system
 * says" ({@code prefers-color-scheme}).
 */
@PageController
class ThemeController {

	static final String COOKIE = "taskflow-theme";

	@PostMapping("/theme")
	String choose(@RequestParam(defaultValue = "") String theme,
			@RequestHeader(name = HttpHeaders.REFERER, required = false) String referer, HttpServletResponse response) {
		String chosen = chosenTheme(theme);
		ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen == null ? "" : chosen)
			.path("/")
			.sameSite("Lax")
			.maxAge(chosen == null ? Duration.ZERO : Duration.ofDays(365))
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:" + localPath(referer);
	}

	/** Only the path and query of the page the form was on: never a redirect to another site. */
	private static String localPath(String referer) {
		if (referer == null) {
			return "/";
		}
		try {
			URI uri = URI.create(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

	/** "light" or "dark"; null for anything else, which means the system's choice. */
	static String chosenTheme(String value) {
		return "light".equals(value) || "dark".equals(value) ? value : null;
	}
}
