package dev.taskflow.accounts.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.NotificationPreferences;
import dev.taskflow.accounts.internal.AccountSettings;
import dev.taskflow.accounts.internal.ApiToken;
import dev.taskflow.accounts.internal.ApiTokenService;
import dev.taskflow.accounts.internal.SignUpThrottle;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.PageController;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.Throttled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up, the sign-in page (Spring Security handles the POST) and the account page with the time zone
 * and personal API tokens.
 */
@PageController
class AccountPagesController {

	private static final Map<String, String> LABELS = Map.of("email", "E-mail", "password", "Password",
			"time_zone", "Time zone", "name", "Name", "current_password", "Current password", "new_password",
			"New password");

	/** Region/City zones and UTC: what a person picks from; the legacy and Etc/ aliases only clutter the menu. */
	private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(zone -> zone.equals("UTC")
				|| (zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")))
		.sorted()
		.toList();

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final Accounts accounts;

	private final ApiTokenService tokens;

	private final AuthenticationConfiguration authentication;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	/** What form sign-in does on success too: a new session id and a new CSRF token. */
	private final SessionAuthenticationStrategy sessionStrategy;

	private final SignUpThrottle signUps;

	private final AccountSettings settings;

	AccountPagesController(Accounts accounts, ApiTokenService tokens, AuthenticationConfiguration authentication,
			CsrfTokenRepository csrfTokens, SignUpThrottle signUps, AccountSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
		this.tokens = tokens;
		this.authentication = authentication;
		this.signUps = signUps;
		this.sessionStrategy = new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
	}

	record SignUpForm(String email, String password, String timeZone) {
	}

	/** A token as the account page lists it, with its dates in the owner's time zone. */
	record TokenRow(UUID id, String name, String hint, String created, String lastUsed) {

		static TokenRow of(ApiToken token, ZoneId zone) {
			return new TokenRow(token.id(), token.name(), token.hint(), format(token.createdAt(), zone),
					token.lastUsedAt() == null ? "Never" : format(token.lastUsedAt(), zone));
		}
	}

	/** A token just issued: its secret is shown on the next page only, and never again. */
	record IssuedToken(String name, String secret) {
	}

	@GetMapping("/login")
	String signIn(Principal principal, @RequestParam Map<String, String> params, Model model) {
		if (principal != null) {
			return "redirect:/";
		}
		if (params.containsKey("locked")) {
			model.addAttribute("problem",
					"Too many failed sign-ins for this e-mail address or from your network. Wait a little and try "
							+ "again, or reset your password.");
		}
		else if (params.containsKey("error")) {
			model.addAttribute("problem", "Wrong e-mail or password.");
		}
		else if (params.containsKey("signed-out")) {
			model.addAttribute("notice", "You are signed out.");
		}
		else if (params.containsKey("deleted")) {
			model.addAttribute("notice", "Your account and everything in it are deleted.");
		}
		else if (params.containsKey("reset")) {
			model.addAttribute("notice", "Your password is changed. Sign in with the new one.");
		}
		return "accounts/sign-in";
	}

	@GetMapping("/signup")
	String signUpForm(Principal principal, Model model) {
		if (principal != null) {
			return "redirect:/";
		}
		return signUpPage(new SignUpForm(null, null, null), Map.of(), model);
	}

	@PostMapping("/signup")
	String signUp(SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		try {
			signUps.signUp(request.getRemoteAddr(), () -> accounts.register(form.email(), form.password(), form.timeZone()));
		}
		catch (Throttled ex) {
			response.setStatus(ex.serviceWide() ? HttpStatus.SERVICE_UNAVAILABLE.value()
					: HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			return signUpPage(form, Map.of("email", ex.getMessage()), model);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return signUpPage(form, messages(ex), model);
		}
		catch (Conflict ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return signUpPage(form, Map.of("email", "An account with this e-mail address already exists. "
					+ "Sign in instead, or use another address."), model);
		}
		signIn(form.email(), form.password(), request, response);
		return "redirect:/";
	}

	@GetMapping("/account")
	String account(CurrentUser user, Model model) {
		return accountPage(user, model);
	}

	@PostMapping("/account/time-zone")
	String changeTimeZone(CurrentUser user, @RequestParam(defaultValue = "") String timeZone, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			CurrentUser changed = accounts.changeTimeZone(user.id(), timeZone);
			redirect.addFlashAttribute("notice", "Your time zone is now " + changed.timeZone().getId() + ".");
			return "redirect:/account";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("timeZone", timeZone);
			model.addAttribute("errors", Map.of("timeZone", messages(ex).getOrDefault("time_zone", "")));
			return accountPage(user, model);
		}
	}

	@PostMapping("/account/email")
	String changeEmail(CurrentUser user, Credential credential, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String currentPassword, Model model, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		try {
			CurrentUser changed = settings.changeEmail(user.id(), currentPassword, email, request.getRemoteAddr(),
					credential);
			signIn(changed.email(), currentPassword, request, response);
			redirect.addFlashAttribute("notice", "You now sign in as " + changed.email()
					+ ". Other devices signed in to this account have been signed out.");
			return "redirect:/account";
		}
		catch (InvalidInput | Conflict | Throttled ex) {
			model.addAttribute("newEmail", email);
			return refused(user, "email", ex, Map.of("email", "email", "current_password", "emailPassword"), model,
					response);
		}
	}

	@PostMapping("/account/password")
	String changePassword(CurrentUser user, Credential credential, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, Model model, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		try {
			settings.changePassword(user.id(), currentPassword, newPassword, request.getRemoteAddr(), credential);
			signIn(user.email(), newPassword, request, response);
			redirect.addFlashAttribute("notice", "Your password is changed. Other devices signed in to this account "
					+ "have been signed out; your API tokens still work (revoke them below if they may have leaked).");
			return "redirect:/account";
		}
		catch (InvalidInput | Throttled ex) {
			return refused(user, "currentPassword", ex,
					Map.of("current_password", "currentPassword", "new_password", "newPassword"), model, response);
		}
	}

	@PostMapping("/account/notifications")
	String changeNotifications(CurrentUser user, @RequestParam(defaultValue = "false") boolean inApp,
			@RequestParam(defaultValue = "false") boolean browser, @RequestParam(defaultValue = "false") boolean email,
			RedirectAttributes redirect) {
		settings.changeNotificationPreferences(user.id(), new NotificationPreferences(inApp, browser, email));
		redirect.addFlashAttribute("notice", "Your notification settings are saved.");
		return "redirect:/account#notifications";
	}

	@PostMapping("/account/delete")
	String delete(CurrentUser user, @RequestParam(defaultValue = "") String currentPassword, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			settings.delete(user.id(), currentPassword, request.getRemoteAddr());
		}
		catch (InvalidInput | Throttled ex) {
			return refused(user, "deletePassword", ex, Map.of("current_password", "deletePassword"), model, response);
		}
		contextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/login?deleted";
	}

	@PostMapping("/account/tokens")
	String issueToken(CurrentUser user, Credential credential, @RequestParam(defaultValue = "") String name,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TokenApiController.refuseTokenMintedByToken(credential);
		try {
			ApiTokenService.IssuedToken issued = tokens.issue(user.id(), name);
			redirect.addFlashAttribute("issued", new IssuedToken(issued.token().name(), issued.secret()));
			return "redirect:/account";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("tokenName", name);
			model.addAttribute("errors", Map.of("tokenName", messages(ex).getOrDefault("name", "")));
			return accountPage(user, model);
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(user.id(), id);
		redirect.addFlashAttribute("notice", "The token is revoked; programs using it can no longer sign in.");
		return "redirect:/account";
	}

	@ExceptionHandler({ ResourceNotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	/**
	 * The account page again with a refused form's messages, each under the field it is about.
	 * @param fields which form field a problem's field belongs to (the same API name can sit in several forms)
	 * @param fallback the form field that shows a conflict or a throttle
	 */
	private String refused(CurrentUser user, String fallback, RuntimeException ex, Map<String, String> fields,
			Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex instanceof InvalidInput invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			messages(invalid).forEach((field, message) -> errors.put(fields.getOrDefault(field, fallback), message));
		}
		else if (ex instanceof Throttled throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			errors.put(fallback, ex.getMessage());
		}
		else {
			response.setStatus(HttpStatus.CONFLICT.value());
			errors.put(fallback, ex.getMessage());
		}
		model.addAttribute("errors", errors);
		return accountPage(user, model);
	}

	private String signUpPage(SignUpForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("timeZones", timeZones(form.timeZone()));
		return "accounts/sign-up";
	}

	private String accountPage(CurrentUser user, Model model) {
		if (!model.containsAttribute("timeZone")) {
			model.addAttribute("timeZone", user.timeZone().getId());
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("user", user);
		model.addAttribute("timeZones", timeZones(user.timeZone().getId()));
		model.addAttribute("notifications", accounts.notificationPreferencesOf(user.id()));
		model.addAttribute("tokens",
				tokens.list(user.id()).stream().map(token -> TokenRow.of(token, user.timeZone())).toList());
		return "accounts/account";
	}

	/** Signs the new user in the way the sign-in form would, so sign-up lands on their task list. */
	private void signIn(String email, String password, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Authentication authenticated = authentication.getAuthenticationManager()
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
		sessionStrategy.onAuthentication(authenticated, request, response);
		SecurityContext context = contextHolder.createEmptyContext();
		context.setAuthentication(authenticated);
		contextHolder.setContext(context);
		contextRepository.saveContext(context, request, response);
	}

	/** The menu of zones, with the current choice first if it is not in it (e.g. set through the API). */
	private static List<String> timeZones(String current) {
		List<String> zones = new ArrayList<>(TIME_ZONES);
		if (current != null && !current.isBlank() && !zones.contains(current)) {
			zones.add(0, current);
		}
		return zones;
	}

	private static Map<String, String> messages(InvalidInput ex) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (InvalidInput.FieldProblem problem : ex.problems()) {
			messages.putIfAbsent(problem.field(),
					LABELS.getOrDefault(problem.field(), problem.field()) + " " + problem.message() + ".");
		}
		return messages;
	}

	private static String format(Instant instant, ZoneId zone) {
		return WHEN.format(instant.atZone(zone));
	}
}
