package dev.taskflow.accounts.internal;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as listed to its owner: never the secret itself. */
public record ApiToken(UUID id, String name, String hint, Instant createdAt, Instant lastUsedAt) {
}
