package dev.taskflow.accounts.web;

import java.net.URI;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.internal.SignUpThrottle;
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

	AccountApiController(Accounts accounts, SignUpThrottle signUps) {
		this.accounts = accounts;
		this.signUps = signUps;
	}

	record SignUpRequest(String email, String password, String timeZone) {
	}

	record AccountResponse(UUID id, String email, String timeZone) {

		static AccountResponse of(CurrentUser user) {
			return new AccountResponse(user.id(), user.email(), user.timeZone().getId());
		}
	}

	record AccountChange(String timeZone) {
	}

	@PostMapping("/api/accounts")
	@Operation(summary = "Sign up", description = "Public. Creates an account; then POST /api/tokens with HTTP Basic to get a token.")
	ResponseEntity<AccountResponse> signUp(@RequestBody SignUpRequest request, HttpServletRequest http) {
		signUps.check(http.getRemoteAddr());
		CurrentUser user = accounts.register(request.email(), request.password(), request.timeZone());
		return ResponseEntity.created(URI.create("/api/account")).body(AccountResponse.of(user));
	}

	@GetMapping("/api/account")
	@Operation(summary = "The signed-in account")
	AccountResponse me(CurrentUser user) {
		return AccountResponse.of(user);
	}

	@PatchMapping("/api/account")
	@Operation(summary = "Change the time zone dates are read in")
	AccountResponse change(CurrentUser user, @RequestBody AccountChange change) {
		return AccountResponse.of(accounts.changeTimeZone(user.id(), change.timeZone()));
	}
}
