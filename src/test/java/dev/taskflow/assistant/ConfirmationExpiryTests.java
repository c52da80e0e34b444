package dev.taskflow.assistant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.AssistantTools;
import dev.taskflow.assistant.internal.ChatReply;
import dev.taskflow.assistant.internal.ChatService;
import dev.taskflow.assistant.internal.Conversation;
import dev.taskflow.assistant.internal.ConversationStore;
import dev.taskflow.assistant.internal.OfflineEngine;
import dev.taskflow.platform.Conflict;
import dev.taskflow.support.MovableClock;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskPhraseParser;
import dev.taskflow.tasks.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pending confirmation or choice lives five minutes on the service's clock: the real tools,
 * database and conversation store, with a clock the test moves instead of waiting.
 */
@TaskFlowTest
class ConfirmationExpiryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TaskManagement tasks;

	@Autowired
	ConversationStore conversations;

	final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T09:00:00Z"));

	AssistantTools tools;

	OfflineEngine engine;

	ChatService chat;

	CurrentUser ann;

	@BeforeEach
	void setUp() throws Exception {
		TaskPhraseParser parser = new TaskPhraseParser(clock);
		tools = new AssistantTools(tasks, parser, clock);
		engine = new OfflineEngine(parser, tasks, clock);
		chat = new ChatService(tools, engine, conversations, clock);
		ann = accounts.find(UUID.fromString(TestUsers.signUp(mvc).id())).orElseThrow();
	}

	@Test
	void yesWithinFiveMinutesDeletesAndYesAfterThemDoesNot() {
		long kept = task("Old report");
		long deleted = task("Old invoice");

		ChatReply asked = chat.chat(ann, null, "delete old invoice");
		assertThat(asked.pending().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
		clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(chat.chat(ann, asked.conversationId(), "yes").actions()).singleElement()
			.satisfies(action -> assertThat(action.taskIds()).containsExactly(deleted));

		ChatReply late = chat.chat(ann, null, "delete old report");
		clock.advance(Duration.ofMinutes(5));
		ChatReply expired = chat.chat(ann, late.conversationId(), "yes");
		assertThat(expired.actions()).isEmpty();
		assertThat(expired.reply()).contains("expired");
		assertThat(tasks.get(ann, kept).title()).isEqualTo("Old report");
		assertThatThrownBy(() -> chat.confirm(ann, late.conversationId())).isInstanceOf(Conflict.class);
	}

	@Test
	void aChoiceExpiresToo() {
		task("Call the dentist");
		task("Pay the dentist");
		ChatReply asked = chat.chat(ann, null, "move the dentist to Friday");
		assertThat(asked.pending().kind()).isEqualTo("choose");
		clock.advance(Duration.ofMinutes(5));
		ChatReply late = chat.chat(ann, asked.conversationId(), "1");
		assertThat(late.actions()).isEmpty();
		assertThat(late.pending()).isNull();
	}

	@Test
	void aSecondYesThatReadTheConversationBeforeTheFirstWasCarriedOutDoesNothingMore() {
		long invoice = task("Old invoice");
		ChatReply asked = chat.chat(ann, null, "delete old invoice");
		Conversation beforeTheFirstYes = conversations.find(ann.id(), asked.conversationId()).orElseThrow();
		assertThat(chat.chat(ann, asked.conversationId(), "yes").actions()).singleElement()
			.satisfies(action -> assertThat(action.taskIds()).containsExactly(invoice));

		// the second tab (or a double click) read the conversation while the first yes was on its way
		ChatService secondTab = new ChatService(tools, engine, new StaleReads(conversations, beforeTheFirstYes), clock);
		ChatReply second = secondTab.chat(ann, asked.conversationId(), "yes");

		assertThat(second.actions()).isEmpty();
		assertThat(second.reply()).contains("already answered");
	}

	private long task(String title) {
		return tasks.create(ann, new TaskDraft(title, null, TaskStatus.PENDING, null, List.of(), null, null, List.of())).id();
	}

	/** The store as it is, except that reading the conversation gives an earlier copy of it. */
	private record StaleReads(ConversationStore store, Conversation earlier) implements ConversationStore {

		@Override
		public Optional<Conversation> find(UUID ownerId, UUID id) {
			return Optional.of(earlier);
		}

		@Override
		public void save(Conversation conversation) {
			store.save(conversation);
		}

		@Override
		public Optional<Conversation> update(UUID ownerId, UUID id, UnaryOperator<Conversation> change) {
			return store.update(ownerId, id, change);
		}

		@Override
		public List<Conversation> list(UUID ownerId, ConversationStore.Position after, int limit) {
			return store.list(ownerId, after, limit);
		}

		@Override
		public boolean delete(UUID ownerId, UUID id) {
			return store.delete(ownerId, id);
		}

		@Override
		public void deleteAll(UUID ownerId) {
			store.deleteAll(ownerId);
		}
	}
}
