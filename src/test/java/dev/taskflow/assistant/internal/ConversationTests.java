package dev.taskflow.assistant.internal;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTests {

	private static final String MILK = "🥛";

	@Test
	void aConversationIsTitledByItsFirstMessageCutTo80CharactersNeverInsideAnEmoji() {
		assertThat(titleOf("  add milk  ")).isEqualTo("add milk");
		assertThat(titleOf(MILK.repeat(80))).isEqualTo(MILK.repeat(80));
		assertThat(titleOf(MILK.repeat(100))).isEqualTo(MILK.repeat(79) + "\u2026");
		assertThat(titleOf("a" + MILK.repeat(100))).isEqualTo("a" + MILK.repeat(78) + "\u2026");
	}

	private static String titleOf(String firstMessage) {
		return Conversation.start(UUID.randomUUID(), firstMessage, Instant.EPOCH).title();
	}
}
