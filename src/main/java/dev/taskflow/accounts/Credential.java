package dev.taskflow.accounts;

import java.util.UUID;

/**
 * What a request was signed in with: one browser session or one API token (or, for HTTP Basic, just
 * that request). Declare it as a controller parameter to receive it; when it ends (sign-out, session
 * expiry, token revoked) a {@link CredentialEnded} event names it, so whatever was opened with it (a
 * live stream) can end too.
 */
public record Credential(String value) {

	private static final String TOKEN = "token:";

	public static Credential session(String sessionId) {
		return new Credential("session:" + sessionId);
	}

	public static Credential apiToken(UUID tokenId) {
		return new Credential(TOKEN + tokenId);
	}

	/** A credential that lives for one request only (HTTP Basic). */
	public static Credential singleRequest() {
		return new Credential("request:" + UUID.randomUUID());
	}

	public boolean isApiToken() {
		return value.startsWith(TOKEN);
	}
}
