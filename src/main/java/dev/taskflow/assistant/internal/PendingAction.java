package dev.taskflow.assistant.internal;

import java.time.Instant;
import java.util.List;

/**
 * Something the assistant will do only once the user says so: a destructive call waiting for "yes"
 * (or {@code POST /api/chat/{id}/confirm}), or a call waiting for the user to pick one of several
 * matching tasks. It expires, so an old "yes" cannot fire a forgotten deletion.
 *
 * @param calls the calls to run on confirmation; for a choice, the call to run with the chosen task
 * @param candidates the task ids to choose from (a choice only)
 */
public record PendingAction(Kind kind, String summary, List<ToolCall> calls, List<Long> candidates,
		Instant expiresAt) {

	public enum Kind {
		CONFIRM, CHOOSE
	}

	public PendingAction {
		calls = List.copyOf(calls);
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
	}

	public boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
