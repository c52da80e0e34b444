package dev.taskflow.accounts;

import java.util.UUID;

/**
 * What a request was signed in with: one browser session or one API token (or, for HTTP Basic, just
 * that request). Declare it as a controller parameter to receive it; when it ends (sign-out, session
 * expiry, token revoked) a {@link CredentialEnded} event names it, so whatever was opened with it (a
 * live stream) can end too. A password or e-mail change ends every session and Basic credential of the
 * account but the one that made it ({@link SignInDetailsChanged}).
 *
 * @param value names the credential: the same for as long as it lives, whatever it is signed in as
 * @param signedInAs which e-mail and password a session or Basic request signed in with (an opaque
 * stamp, which changes when either does, see {@link CredentialCheck}); null for an API token, which
 * outlives such changes
 */
public record Credential(String value, String signedInAs) {

	private static final String TOKEN = "token:";

	/** @param sessionKey stays the same when the session's id changes on signing in again */
	public static Credential session(String sessionKey, String signedInAs) {
		return new Credential("session:" + sessionKey, signedInAs);
	}

	public static Credential apiToken(UUID tokenId) {
		return new Credential(TOKEN + tokenId, null);
	}

	/** A credential that lives for one request only (HTTP Basic). */
	public static Credential singleRequest(String signedInAs) {
		return new Credential("request:" + UUID.randomUUID(), signedInAs);
	}

	public boolean isApiToken() {
		return value.startsWith(TOKEN);
	}

	/** Whether both name one credential, however each was signed in. */
	public boolean isSameAs(Credential other) {
		return other != null && value.equals(other.value);
	}

	/** This credential as it goes on after signing in again with changed details. */
	public Credential signedInAgainAs(String stamp) {
		return new Credential(value, stamp);
	}
}
