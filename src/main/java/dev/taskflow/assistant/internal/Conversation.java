package dev.taskflow.assistant.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.taskflow.platform.Characters;

/**
 * One chat between a user and the assistant: its messages (with the actions each reply took) and the
 * action waiting for confirmation, if any. Stored whole, as one document, by a {@link ConversationStore}.
 */
public record Conversation(UUID id, UUID ownerId, String title, Instant createdAt, Instant updatedAt,
		List<Message> messages, PendingAction pending) {

	public static final int MAX_MESSAGES = 200;

	/** In characters: the first message, shortened. */
	static final int MAX_TITLE = 80;

	public Conversation {
		messages = messages == null ? List.of() : List.copyOf(messages);
	}

	/** A message: {@code user} or {@code assistant}, with the actions an assistant reply took. */
	public record Message(String role, String content, List<ChatAction> actions, Instant at) {

		public Message {
			actions = actions == null ? List.of() : List.copyOf(actions);
		}
	}

	public static Conversation start(UUID ownerId, String firstMessage, Instant now) {
		String title = firstMessage.strip();
		if (Characters.count(title) > MAX_TITLE) {
			title = Characters.cut(title, MAX_TITLE - 1) + "\u2026";
		}
		return new Conversation(UUID.randomUUID(), ownerId, title, now, now, List.of(), null);
	}

	/** This conversation with an exchange appended (the oldest messages drop off past the cap). */
	public Conversation with(Message userMessage, Message reply, PendingAction newPending, Instant now) {
		List<Message> all = new ArrayList<>(messages);
		all.add(userMessage);
		all.add(reply);
		List<Message> kept = all.size() > MAX_MESSAGES ? all.subList(all.size() - MAX_MESSAGES, all.size()) : all;
		return new Conversation(id, ownerId, title, createdAt, now, kept, newPending);
	}

	/** This conversation with another pending action (null for none). */
	public Conversation withPending(PendingAction newPending) {
		return new Conversation(id, ownerId, title, createdAt, updatedAt, messages, newPending);
	}

	/** The pending action, unless it has expired. */
	public PendingAction livePending(Instant now) {
		return pending == null || pending.expiredAt(now) ? null : pending;
	}
}
