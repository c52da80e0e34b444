package dev.taskflow.accounts;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whether credentials still sign their user in, for what outlives the request that opened it (a live
 * stream) and may live in another process than the change that ended it: a {@link CredentialEnded} or
 * {@link SignInDetailsChanged} event reaches only the process it happened in.
 */
@FunctionalInterface
public interface CredentialCheck {

	/**
	 * Those of {@code credentials} (all of {@code userId}) that no longer sign in: the account is gone, a
	 * token was revoked, or a session or Basic request was signed in with an e-mail or password that has
	 * changed since. A session that ended by signing out or expiring is not told apart here: that happens
	 * in the process that holds it, which says so with {@link CredentialEnded}.
	 */
	Set<Credential> endedAmong(UUID userId, Collection<Credential> credentials);
}
