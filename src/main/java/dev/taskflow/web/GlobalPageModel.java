package dev.taskflow.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds what the layout shows on every page: the signed-in user's e-mail, or null on public pages. */
@ControllerAdvice
class GlobalPageModel {

	@ModelAttribute("signedInEmail")
	String signedInEmail(Principal principal) {
		return principal == null ? null : principal.getName();
	}
}
