package dev.taskflow.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.AssistantTools;
import dev.taskflow.assistant.internal.ChatReply;
import dev.taskflow.assistant.internal.ChatService;
import dev.taskflow.assistant.internal.ConversationStore;
import dev.taskflow.assistant.internal.OfflineEngine;
import dev.taskflow.platform.Conflict;
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

	ChatService chat;

	CurrentUser ann;

	@BeforeEach
	void setUp() throws Exception {
		TaskPhraseParser parser = new TaskPhraseParser(clock);
		chat = new ChatService(new AssistantTools(tasks, parser), new OfflineEngine(parser, tasks, clock), conversations,
				clock);
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

	private long task(String title) {
		return tasks.create(ann, new TaskDraft(title, null, TaskStatus.PENDING, null, List.of(), null, null, List.of())).id();
	}

	/** A clock that stands still until the test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
