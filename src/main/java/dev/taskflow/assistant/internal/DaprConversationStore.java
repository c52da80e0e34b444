package dev.taskflow.assistant.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.function.Consumer;

import dev.taskflow.eventing.SharedState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations in the Dapr state store (distributed mode), so any replica can continue any
 * conversation. One key per conversation, plus one index per user listing their conversations (the
 * state API has no queries), updated with ETags so concurrent writers cannot lose an entry. Keys carry
 * the owner, so one user's id cannot reach another's document.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprConversationStore implements ConversationStore {

	private static final TypeReference<List<Conversation>> INDEX = new TypeReference<>() {
	};

	/** How often a write refused for a stale ETag (the index, or a conversation) is tried again from the top. */
	private static final int WRITE_ATTEMPTS = 5;

	private final SharedState state;

	private final JsonMapper json;

	DaprConversationStore(SharedState state, JsonMapper json) {
		this.state = state;
		this.json = json;
	}

	@Override
	public Optional<Conversation> find(UUID ownerId, UUID id) {
		return state.get(key(ownerId, id))
			.map(document -> json.readValue(document, Conversation.class))
			.filter(conversation -> conversation.ownerId().equals(ownerId));
	}

	@Override
	public void save(Conversation conversation) {
		state.save(key(conversation.ownerId(), conversation.id()), json.writeValueAsString(conversation));
		index(conversation);
	}

	/** Lists the conversation in its owner's index, or moves it up there. */
	private void index(Conversation conversation) {
		Conversation entry = new Conversation(conversation.id(), conversation.ownerId(), conversation.title(),
				conversation.createdAt(), conversation.updatedAt(), List.of(), null);
		changeIndex(conversation.ownerId(), index -> {
			index.removeIf(old -> old.id().equals(conversation.id()));
			index.add(entry);
		});
	}

	/** Read, change, write with the version it was read at, again from the top if another replica wrote it meanwhile. */
	@Override
	public Optional<Conversation> update(UUID ownerId, UUID id, UnaryOperator<Conversation> change) {
		for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
			Optional<SharedState.Versioned> current = state.read(key(ownerId, id));
			Optional<Conversation> stored = current.map(document -> json.readValue(document.json(), Conversation.class))
				.filter(conversation -> conversation.ownerId().equals(ownerId));
			if (stored.isEmpty()) {
				return Optional.empty();
			}
			Conversation changed = change.apply(stored.get());
			if (state.saveIfUnchanged(key(ownerId, id), json.writeValueAsString(changed), current.get().version())) {
				index(changed);
				return Optional.of(changed);
			}
		}
		throw new SharedState.Unavailable("Conversation " + id + " kept changing during " + WRITE_ATTEMPTS
				+ " attempts to update it", null);
	}

	@Override
	public List<Conversation> list(UUID ownerId, Position after, int limit) {
		return index(ownerId).stream()
			.filter(conversation -> after == null || after.isBefore(conversation))
			.sorted(Comparator.comparing(Conversation::updatedAt).reversed()
				.thenComparing(conversation -> conversation.id().toString()))
			.limit(limit)
			.toList();
	}

	@Override
	public boolean delete(UUID ownerId, UUID id) {
		if (find(ownerId, id).isEmpty()) {
			return false;
		}
		state.delete(key(ownerId, id));
		changeIndex(ownerId, index -> index.removeIf(entry -> entry.id().equals(id)));
		return true;
	}

	/** Each conversation the index lists, then the index; a conversation saved meanwhile is listed by then. */
	@Override
	public void deleteAll(UUID ownerId) {
		for (Conversation entry : index(ownerId)) {
			state.delete(key(ownerId, entry.id()));
		}
		state.delete(indexKey(ownerId));
	}

	/**
	 * Read, change, write the owner's index with the version it was read at, again from the top when
	 * another replica (another tab of the same user) wrote it in between, so no entry is lost.
	 */
	private void changeIndex(UUID ownerId, Consumer<List<Conversation>> change) {
		for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
			Optional<SharedState.Versioned> current = state.read(indexKey(ownerId));
			List<Conversation> index = new ArrayList<>(
					current.map(document -> json.readValue(document.json(), INDEX)).orElse(List.of()));
			change.accept(index);
			if (state.saveIfUnchanged(indexKey(ownerId), json.writeValueAsString(index),
					current.map(SharedState.Versioned::version).orElse(null))) {
				return;
			}
		}
		throw new SharedState.Unavailable("The conversation index of " + ownerId + " kept changing during "
				+ WRITE_ATTEMPTS + " attempts to update it", null);
	}

	private List<Conversation> index(UUID ownerId) {
		return state.get(indexKey(ownerId)).map(document -> json.readValue(document, INDEX)).orElse(List.of());
	}

	private static String key(UUID ownerId, UUID id) {
		return "assistant-conversation-" + ownerId + "-" + id;
	}

	private static String indexKey(UUID ownerId) {
		return "assistant-conversations-" + ownerId;
	}
}
