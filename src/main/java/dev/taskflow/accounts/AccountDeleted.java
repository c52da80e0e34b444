package dev.taskflow.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account is being deleted with everything its owner kept in TaskFlow. Published inside the deleting
 * transaction, before the account's row goes: modules that keep per-user rows without a foreign key to
 * the account (audit trail, notifications, saved views, conversations) erase them in a synchronous
 * listener in that transaction, so the account and its data go together or not at all. Tasks, tags,
 * reminders, tokens and reset links follow the account's row by foreign-key cascade.
 */
public record AccountDeleted(UUID userId, Instant deletedAt) {
}
