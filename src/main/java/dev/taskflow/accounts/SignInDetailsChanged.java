package dev.taskflow.accounts;

import java.util.UUID;

/**
 * An account's password or e-mail changed (on the account page, or through a password-reset link), so
 * every session and Basic credential signed in with the old ones has ended: a session at its next
 * request, and whatever it opened that makes no more requests (a live stream) now. API tokens stay
 * valid. Published in this process only, inside the changing transaction: a listener acts once that
 * commits ({@link dev.taskflow.platform.AfterCommit}). Other processes find out through
 * {@link CredentialCheck}.
 *
 * @param keptSession the session that made the change, as it goes on signed in with the new details;
 * null when nobody signed in made it (a reset link)
 */
public record SignInDetailsChanged(UUID userId, Credential keptSession) {
}
