package dev.taskflow.assistant.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.eventing.SharedState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations in the Dapr state store (distributed mode), so any replica can continue any
 * conversation. One key per conversation, plus one index per user listing their conversations (the
 * state API has no queries). Keys carry the owner, so one user's id cannot reach another's document.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprConversationStore implements ConversationStore {

	private static final TypeReference<List<Conversation>> INDEX = new TypeReference<>() {
	};

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
		List<Conversation> index = new ArrayList<>(index(conversation.ownerId()));
		index.removeIf(entry -> entry.id().equals(conversation.id()));
		index.add(new Conversation(conversation.id(), conversation.ownerId(), conversation.title(),
				conversation.createdAt(), conversation.updatedAt(), List.of(), null));
		state.save(indexKey(conversation.ownerId()), json.writeValueAsString(index));
	}

	@Override
	public List<Conversation> list(UUID ownerId, int limit) {
		return index(ownerId).stream()
			.sorted(Comparator.comparing(Conversation::updatedAt).reversed())
			.limit(limit)
			.toList();
	}

	@Override
	public boolean delete(UUID ownerId, UUID id) {
		if (find(ownerId, id).isEmpty()) {
			return false;
		}
		state.delete(key(ownerId, id));
		List<Conversation> index = new ArrayList<>(index(ownerId));
		index.removeIf(entry -> entry.id().equals(id));
		state.save(indexKey(ownerId), json.writeValueAsString(index));
		return true;
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
