package dev.taskflow.assistant;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.ChatEngine;
import dev.taskflow.assistant.internal.Conversation;
import dev.taskflow.assistant.internal.OfflineEngine;
import dev.taskflow.assistant.internal.ToolTurn;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two turns of one conversation at once, as from two tabs: the slower one must not write over what
 * the faster one added while it was thinking.
 */
@TaskFlowTest
@Import(ConcurrentTurnsTests.HoldingEngine.Config.class)
class ConcurrentTurnsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	HoldingEngine engine;

	@Test
	void aSlowTurnAndAFastOneInTheSameConversationBothKeepTheirMessages() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String conversation = say(ann, null, "add Buy stamps").get("conversation_id").asString();

		CompletableFuture<JsonNode> slow = CompletableFuture.supplyAsync(() -> say(ann, conversation, "(held) list my tasks"));
		await().until(engine::holding);
		say(ann, conversation, "add Post the parcel");
		engine.release();
		slow.get(1, TimeUnit.MINUTES);

		JsonNode stored = json(mvc.perform(ann.as(get("/api/chat/" + conversation))).andExpect(status().isOk()).andReturn());
		assertThat(stored.get("messages").valueStream().map(message -> message.get("content").asString()))
			.contains("add Buy stamps", "(held) list my tasks", "add Post the parcel")
			.hasSize(6);
	}

	private JsonNode say(TestUser user, String conversationId, String message) {
		var body = JSON.createObjectNode().put("message", message);
		if (conversationId != null) {
			body.put("conversation_id", conversationId);
		}
		try {
			return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
				.andExpect(status().isOk())
				.andReturn());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The offline engine, except that a message starting "(held)" waits until the test lets it answer. */
	static class HoldingEngine implements ChatEngine {

		private final OfflineEngine offline;

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile boolean holding;

		HoldingEngine(OfflineEngine offline) {
			this.offline = offline;
		}

		@Override
		public EngineReply respond(CurrentUser user, Conversation history, String message, ToolTurn turn) {
			if (message.startsWith("(held) ")) {
				holding = true;
				try {
					released.await(1, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return offline.respond(user, history, message.substring("(held) ".length()), turn);
			}
			return offline.respond(user, history, message, turn);
		}

		boolean holding() {
			return holding;
		}

		void release() {
			released.countDown();
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Config {

			@Bean
			@Primary
			HoldingEngine holdingEngine(OfflineEngine offline) {
				return new HoldingEngine(offline);
			}
		}
	}
}
