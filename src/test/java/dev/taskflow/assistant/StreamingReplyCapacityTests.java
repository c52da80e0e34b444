package dev.taskflow.assistant;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Streamed replies that wait on a slow model hold threads of their own, a bounded number of them: they
 * leave the application's task executor (the event relay and the other module listeners) alone, and one more than
 * the limit is a 503 to retry rather than a queue behind replies that may take minutes.
 */
@TaskFlowTest
@TestPropertySource(properties = { "taskflow.assistant.provider=openai", "taskflow.assistant.openai.api-key=sk-test-key",
		"taskflow.assistant.openai.model=test-model", "taskflow.assistant.timeout=50s",
		"taskflow.assistant.streaming-replies=2" })
class StreamingReplyCapacityTests {

	@RegisterExtension
	static final ModelStub MODEL = new ModelStub();

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("taskflow.assistant.openai.base-url", () -> MODEL.url("/v1"));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor applicationTasks;

	@Test
	void repliesWaitingOnTheModelHoldTheirOwnThreadsAndOneTooManyIsToldToRetry() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		TestUser cyd = TestUsers.signUp(mvc);
		MODEL.hang().hang();

		MvcResult annsReply = streamedChat(ann, "add Water the plants").andExpect(request().asyncStarted()).andReturn();
		MvcResult bobsReply = streamedChat(bob, "add Feed the cat").andExpect(request().asyncStarted()).andReturn();
		await().until(() -> MODEL.requests().size() == 2);

		assertThat(applicationTasks.getActiveCount()).as("threads of the event relay's executor taken by replies")
			.isZero();
		streamedChat(cyd, "add Call the plumber")
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(jsonPath("$.detail").value(containsString("try again in a moment")));

		// the model gives up on both (the offline engine answers them), which frees the threads
		MODEL.reset();
		for (MvcResult started : new MvcResult[] { annsReply, bobsReply }) {
			String events = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(events).contains("event:reply").contains("built-in assistant answered");
		}
		await().untilAsserted(() -> streamedChat(cyd, "hello").andExpect(request().asyncStarted()));
	}

	private ResultActions streamedChat(TestUser user, String message) throws Exception {
		return mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.content("{\"message\":\"" + message + "\"}"));
	}
}
