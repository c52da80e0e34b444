package dev.taskflow.accounts;

import java.util.UUID;

/**
 * A session ended (sign-out or expiry) or an API token was revoked. Published in this process only,
 * as it happens: what it ends (open live streams) lives in this process too. A revocation publishes it
 * inside its transaction, so a listener acts once that commits ({@link dev.taskflow.platform.AfterCommit}).
 */
public record CredentialEnded(UUID userId, Credential credential) {
}
