package dev.taskflow.accounts.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialCheck;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks credentials against the database, as {@link SignedInSessionCheck} checks a session on each
 * request: a session or Basic credential by the stamp of e-mail and password it signed in with, a token
 * by whether it still exists. One read of the account, and of its tokens only if one is asked about.
 */
@Component
class StampCredentialCheck implements CredentialCheck {

	private final AccountRepository accounts;

	private final ApiTokenRepository tokens;

	StampCredentialCheck(AccountRepository accounts, ApiTokenRepository tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Credential> endedAmong(UUID userId, Collection<Credential> credentials) {
		Optional<Account> account = accounts.findById(userId);
		if (account.isEmpty()) {
			return Set.copyOf(credentials);
		}
		String stamp = AccountUserDetails.stampOf(account.get().email(), account.get().passwordHash());
		Set<String> liveTokens = credentials.stream().anyMatch(Credential::isApiToken)
				? tokens.findByUser(userId)
					.stream()
					.map(token -> Credential.apiToken(token.id()).value())
					.collect(Collectors.toSet())
				: Set.of();
		return credentials.stream()
			.filter(credential -> credential.isApiToken() ? !liveTokens.contains(credential.value())
					: !stamp.equals(credential.signedInAs()))
			.collect(Collectors.toSet());
	}
}
