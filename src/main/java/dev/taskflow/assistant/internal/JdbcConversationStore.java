package dev.taskflow.assistant.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.SqlTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations in the application's database (embedded mode, and any deployment without Dapr state).
 * Every write holds the owner's account first ({@link Accounts#holdAccount}), before the conversation's
 * row: a conversation saved while the account is being deleted then goes with it, or finds the account
 * gone, instead of outliving it, and the deletion (which locks the account, then cascades to its
 * conversations) cannot deadlock with a turn.
 */
@Repository
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "embedded", matchIfMissing = true)
class JdbcConversationStore implements ConversationStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Accounts accounts;

	JdbcConversationStore(JdbcClient jdbc, JsonMapper json, Accounts accounts) {
		this.jdbc = jdbc;
		this.json = json;
		this.accounts = accounts;
	}

	@Override
	public Optional<Conversation> find(UUID ownerId, UUID id) {
		return jdbc.sql("select document from assistant_conversations where owner_id = ? and id = ?")
			.params(ownerId, id)
			.query((rs, row) -> json.readValue(rs.getString("document"), Conversation.class))
			.optional();
	}

	@Override
	@Transactional
	public void save(Conversation conversation) {
		if (!accounts.holdAccount(conversation.ownerId())) {
			throw new ResourceNotFound("Account not found.");
		}
		String document = json.writeValueAsString(conversation);
		int updated = jdbc
			.sql("update assistant_conversations set updated_at = ?, document = ? where id = ? and owner_id = ?")
			.params(SqlTime.utc(conversation.updatedAt()), document, conversation.id(), conversation.ownerId())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into assistant_conversations (id, owner_id, title, created_at, updated_at, document) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(conversation.id(), conversation.ownerId(), conversation.title(),
						SqlTime.utc(conversation.createdAt()), SqlTime.utc(conversation.updatedAt()), document)
				.update();
		}
	}

	/** Under the row's lock, so a concurrent turn waits for this one and then changes what this one wrote. */
	@Override
	@Transactional
	public Optional<Conversation> update(UUID ownerId, UUID id, UnaryOperator<Conversation> change) {
		if (!accounts.holdAccount(ownerId)) {
			return Optional.empty();
		}
		Optional<Conversation> changed = jdbc
			.sql("select document from assistant_conversations where owner_id = ? and id = ? for update")
			.params(ownerId, id)
			.query((rs, row) -> json.readValue(rs.getString("document"), Conversation.class))
			.optional()
			.map(change);
		changed.ifPresent(this::save);
		return changed;
	}

	@Override
	public List<Conversation> list(UUID ownerId, Position after, int limit) {
		String from = after == null ? "" : "and (updated_at < ? or (updated_at = ? and id > ?)) ";
		List<Object> params = new java.util.ArrayList<>(List.of(ownerId));
		if (after != null) {
			params.addAll(List.of(SqlTime.utc(after.updatedAt()), SqlTime.utc(after.updatedAt()), after.id()));
		}
		params.add(limit);
		return jdbc.sql("select id, owner_id, title, created_at, updated_at from assistant_conversations "
				+ "where owner_id = ? " + from + "order by updated_at desc, id limit ?")
			.params(params)
			.query((rs, row) -> new Conversation(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
					rs.getString("title"), SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"),
					List.of(), null))
			.list();
	}

	@Override
	public boolean delete(UUID ownerId, UUID id) {
		return jdbc.sql("delete from assistant_conversations where owner_id = ? and id = ?").params(ownerId, id).update() > 0;
	}

	@Override
	public void deleteAll(UUID ownerId) {
		jdbc.sql("delete from assistant_conversations where owner_id = ?").params(ownerId).update();
	}
}
