package dev.taskflow.accounts.web;

import dev.taskflow.accounts.internal.PasswordResets;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link by e-mail, then choose a new password through it. */
@PageController
class PasswordResetPagesController {

	private final PasswordResets resets;

	PasswordResetPagesController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/password-reset")
	String askForLink(Model model) {
		model.addAttribute("available", resets.available());
		return "accounts/password-reset";
	}

	@PostMapping("/password-reset")
	String sendLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		resets.request(email, request.getRemoteAddr());
		model.addAttribute("available", resets.available());
		model.addAttribute("notice", "If an account uses that address, we have e-mailed it a link to choose a new "
				+ "password. It works for 30 minutes.");
		return "accounts/password-reset";
	}

	@GetMapping("/password-reset/{secret}")
	String newPasswordForm(@PathVariable String secret, Model model, HttpServletResponse response) {
		if (!resets.isValid(secret)) {
			return expired(model, response);
		}
		model.addAttribute("secret", secret);
		return "accounts/password-reset-new";
	}

	@PostMapping("/password-reset/{secret}")
	String setNewPassword(@PathVariable String secret, @RequestParam(defaultValue = "") String password, Model model,
			HttpServletResponse response) {
		try {
			resets.reset(secret, password);
			return "redirect:/login?reset";
		}
		catch (InvalidInput ex) {
			if (ex.problems().stream().anyMatch(problem -> problem.field().equals("link"))) {
				return expired(model, response);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("secret", secret);
			model.addAttribute("error", "The password " + ex.problems().get(0).message() + ".");
			return "accounts/password-reset-new";
		}
	}

	private String expired(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("available", resets.available());
		// without mail there is no "below" to ask in: the page then says whom to ask instead
		model.addAttribute("problem", "This link has expired or was already used."
				+ (resets.available() ? " Ask for a new one below." : ""));
		return "accounts/password-reset";
	}
}
