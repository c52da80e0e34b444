package dev.taskflow.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account is being deleted with everything its owner kept in TaskFlow. Published inside the deleting
 * transaction, before the account's row goes: every per-user row in the database follows that row by
 * foreign-key cascade, so this is for what a module keeps elsewhere (conversations in the Dapr state
 * store), erased in a synchronous listener during that transaction.
 */
public record AccountDeleted(UUID userId, Instant deletedAt) {
}
