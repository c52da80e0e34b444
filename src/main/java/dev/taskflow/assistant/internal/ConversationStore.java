package dev.taskflow.assistant.internal;

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

	/** The owner's conversations, most recently active first, without their messages. */
	List<Conversation> list(UUID ownerId, int limit);

	boolean delete(UUID ownerId, UUID id);

	/** Erases every conversation of a user whose account is deleted. */
	void deleteAll(UUID ownerId);
}
