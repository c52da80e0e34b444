package dev.taskflow.assistant.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where conversations live: the database in embedded mode, the Dapr state store in Dapr mode. Every
 * method is scoped to the owner: another user's conversation is simply not found.
 */
public interface ConversationStore {

	Optional<Conversation> find(UUID ownerId, UUID id);

	void save(Conversation conversation);

	/** The owner's conversations, most recently active first, without their messages. */
	List<Conversation> list(UUID ownerId, int limit);

	boolean delete(UUID ownerId, UUID id);

	/** Erases every conversation of a user whose account is deleted. */
	void deleteAll(UUID ownerId);
}
