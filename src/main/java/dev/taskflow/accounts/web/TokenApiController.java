package dev.taskflow.accounts.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.internal.ApiToken;
import dev.taskflow.accounts.internal.ApiTokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API tokens")
class TokenApiController {

	private final ApiTokenService tokens;

	TokenApiController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	record TokenRequest(String name) {
	}

	record TokenResponse(UUID id, String name, String hint, Instant createdAt, Instant lastUsedAt) {

		static TokenResponse of(ApiToken token) {
			return new TokenResponse(token.id(), token.name(), token.hint(), token.createdAt(), token.lastUsedAt());
		}
	}

	record IssuedTokenResponse(UUID id, String name, String token, Instant createdAt) {
	}

	@PostMapping("/api/tokens")
	@Operation(summary = "Create a personal API token",
			description = "Accepts a session or HTTP Basic (e-mail and password), not a token: a leaked token must not "
					+ "be able to mint more. The token is shown once.")
	ResponseEntity<IssuedTokenResponse> create(CurrentUser user, Credential credential,
			@RequestBody TokenRequest request) {
		refuseTokenMintedByToken(credential);
		ApiTokenService.IssuedToken issued = tokens.issue(user.id(), request.name());
		ApiToken token = issued.token();
		return ResponseEntity.created(URI.create("/api/tokens/" + token.id()))
			.body(new IssuedTokenResponse(token.id(), token.name(), issued.secret(), token.createdAt()));
	}

	/** Revoking a leaked token only contains the leak if the token could not have made others. */
	static void refuseTokenMintedByToken(Credential credential) {
		if (credential.isApiToken()) {
			throw new AccessDeniedException(
					"An API token cannot create tokens; sign in, or use HTTP Basic with your e-mail and password.");
		}
	}

	@GetMapping("/api/tokens")
	@Operation(summary = "List your API tokens (never the secrets)")
	List<TokenResponse> list(CurrentUser user) {
		return tokens.list(user.id()).stream().map(TokenResponse::of).toList();
	}

	@DeleteMapping("/api/tokens/{id}")
	@Operation(summary = "Revoke an API token")
	ResponseEntity<Void> revoke(CurrentUser user, @PathVariable UUID id) {
		tokens.revoke(user.id(), id);
		return ResponseEntity.noContent().build();
	}
}
