package dev.taskflow.assistant.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Where conversations live: the database in embedded mode, the Dapr state store in Dapr mode. Every
 * method is scoped to the owner: another user's conversation is simply not found.
 */
public interface ConversationStore {

	Optional<Conversation> find(UUID ownerId, UUID id);

	void save(Conversation conversation);

	/**
	 * Changes the conversation as it is stored now, rather than as the caller read it, so that two turns
	 * of one conversation at once (two tabs) both keep their messages. {@code change} may run more than
	 * once (a store that retries on a concurrent write). Empty if the conversation does not exist (any more).
	 */
	Optional<Conversation> update(UUID ownerId, UUID id, UnaryOperator<Conversation> change);

	/**
	 * The owner's conversations, most recently active first (ties by id), without their messages: those
	 * after {@code after} (null for the first page), at most {@code limit}.
	 */
	List<Conversation> list(UUID ownerId, Position after, int limit);

	/**
	 * Where a page of conversations ended: the last one's activity and id. The id is compared as its
	 * text, which orders UUIDs as the databases do (byte by byte), unlike {@link UUID#compareTo}.
	 */
	record Position(Instant updatedAt, UUID id) {

		public static Position of(Conversation conversation) {
			return new Position(conversation.updatedAt(), conversation.id());
		}

		/** Whether a conversation comes after this position in the list's order. */
		public boolean isBefore(Conversation conversation) {
			int byTime = conversation.updatedAt().compareTo(updatedAt);
			return byTime < 0 || byTime == 0 && conversation.id().toString().compareTo(id.toString()) > 0;
		}
	}

	boolean delete(UUID ownerId, UUID id);

	/** Erases every conversation of a user whose account is deleted. */
	void deleteAll(UUID ownerId);
}
