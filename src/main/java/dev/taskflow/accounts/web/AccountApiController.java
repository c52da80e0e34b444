package dev.taskflow.accounts.web;

import java.net.URI;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.NotificationPreferences;
import dev.taskflow.accounts.internal.AccountSettings;
import dev.taskflow.accounts.internal.SignUpThrottle;
import dev.taskflow.platform.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class AccountApiController {

	private final Accounts accounts;

	private final SignUpThrottle signUps;

	private final AccountSettings settings;

	AccountApiController(Accounts accounts, SignUpThrottle signUps, AccountSettings settings) {
		this.accounts = accounts;
		this.signUps = signUps;
		this.settings = settings;
	}

	record SignUpRequest(String email, String password, String timeZone) {
	}

	record AccountResponse(UUID id, String email, String timeZone, NotificationPreferences notifications) {

		static AccountResponse of(CurrentUser user, NotificationPreferences notifications) {
			return new AccountResponse(user.id(), user.email(), user.timeZone().getId(), notifications);
		}
	}

	/** Notification channels to switch on or off; an absent one stays as it is. */
	record NotificationsChange(Boolean inApp, Boolean browser, Boolean email) {

		NotificationPreferences applyTo(NotificationPreferences current) {
			return new NotificationPreferences(inApp == null ? current.inApp() : inApp,
					browser == null ? current.browser() : browser, email == null ? current.email() : email);
		}
	}

	/** What PATCH changes: the time zone, notification channels, or both; absent fields stay as they are. */
	record AccountChange(String timeZone, NotificationsChange notifications) {
	}

	@PostMapping("/api/accounts")
	@Operation(summary = "Sign up", description = "Public. Creates an account; then POST /api/tokens with HTTP Basic to get a token.")
	ResponseEntity<AccountResponse> signUp(@RequestBody SignUpRequest request, HttpServletRequest http) {
		CurrentUser user = signUps.signUp(http.getRemoteAddr(),
				() -> accounts.register(request.email(), request.password(), request.timeZone()));
		return ResponseEntity.created(URI.create("/api/account"))
			.body(AccountResponse.of(user, accounts.notificationPreferencesOf(user.id())));
	}

	@GetMapping("/api/account")
	@Operation(summary = "The signed-in account")
	AccountResponse me(CurrentUser user) {
		return AccountResponse.of(user, accounts.notificationPreferencesOf(user.id()));
	}

	@PatchMapping("/api/account")
	@Operation(summary = "Change the time zone dates are read in, and which notification channels are on")
	AccountResponse change(CurrentUser user, @RequestBody AccountChange change) {
		if (change.timeZone() == null && change.notifications() == null) {
			throw InvalidInput.of("body", "name time_zone, notifications or both");
		}
		CurrentUser changed = change.timeZone() == null ? user : accounts.changeTimeZone(user.id(), change.timeZone());
		NotificationPreferences notifications = accounts.notificationPreferencesOf(user.id());
		if (change.notifications() != null) {
			notifications = settings.changeNotificationPreferences(user.id(),
					change.notifications().applyTo(notifications));
		}
		return AccountResponse.of(changed, notifications);
	}
}
