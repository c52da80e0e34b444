package dev.taskflow.accounts;

import java.util.UUID;

/**
 * A session ended (sign-out or expiry) or an API token was revoked. Published in this process only,
 * as it happens: what it ends (open live streams) lives in this process too.
 */
public record CredentialEnded(UUID userId, Credential credential) {
}
