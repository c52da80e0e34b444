package dev.taskflow.assistant.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to one chat message: the reply, the actions taken and what waits for confirmation. */
public record ChatReply(UUID conversationId, String reply, List<ChatAction> actions, Pending pending) {

	/** The pending action as clients see it. */
	public record Pending(String kind, String summary, List<Long> candidates, Instant expiresAt) {

		public static Pending of(PendingAction action) {
			return action == null ? null
					: new Pending(action.kind().name().toLowerCase(java.util.Locale.ROOT), action.summary(),
							action.candidates(), action.expiresAt());
		}
	}
}
