package dev.taskflow.assistant.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.assistant.ModelStub;
import dev.taskflow.assistant.internal.ModelClient.ModelMessage;
import dev.taskflow.assistant.internal.ModelClient.ModelUnavailable;
import dev.taskflow.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model clients' own rules, against a local stub: keys, and what each sends when there is none. */
class ModelClientsTests {

	private final ModelStub stub = new ModelStub();

	private final ModelHttp http = new ModelHttp("The model", Duration.ofSeconds(5), JsonMapper.builder().build());

	@AfterEach
	void stop() {
		stub.close();
	}

	@Test
	void geminiWithoutAKeyIsUnavailableWithoutSendingAnything() {
		GeminiClient gemini = new GeminiClient(http,
				new AssistantProperties.Gemini(URI.create(stub.url("/v1beta")), " ", null));

		assertThatThrownBy(() -> gemini.next("be brief", List.of(new ModelMessage.User("hi"))))
			.isInstanceOf(ModelUnavailable.class)
			.hasMessageContaining("GEMINI_API_KEY");
		assertThat(stub.requests()).isEmpty();
	}

	@Test
	void anOpenAiCompatibleServerWithoutAKeyGetsNoAuthorizationHeader() {
		stub.answerJson("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}");
		OpenAiCompatibleClient local = new OpenAiCompatibleClient(http,
				new AssistantProperties.OpenAi(URI.create(stub.url("/v1/")), "", "llama3.1"));

		assertThat(local.next("be brief", List.of(new ModelMessage.User("hi"))).text()).isEqualTo("Hi");
		ModelStub.Request request = stub.requests().get(0);
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("Authorization")).isNull();
		assertThat(request.json().get("model").asString()).isEqualTo("llama3.1");
	}

	@Test
	void aBurstRefusedForTheMinuteDoesNotUseUpTheDay() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-28T09:00:00Z"));
		ModelCallLimit limit = new ModelCallLimit(new AssistantProperties(null, null, null, 2, 3, null, null, null), clock);
		UUID ann = UUID.randomUUID();

		assertThat(limit.take(ann)).isEmpty();
		assertThat(limit.take(ann)).isEmpty();
		assertThat(limit.take(ann)).contains("2 a minute");
		assertThat(limit.take(ann)).contains("2 a minute");
		clock.advance(Duration.ofMinutes(1));
		assertThat(limit.take(ann)).isEmpty();
		assertThat(limit.take(ann)).contains("3 a day");
		assertThat(limit.take(UUID.randomUUID())).isEmpty();
	}

	@Test
	void defaultsFillWhatDeploymentsLeaveEmpty() {
		AssistantProperties properties = new AssistantProperties(null, null, null, null, null, null,
				new AssistantProperties.Gemini(URI.create(""), "", ""), new AssistantProperties.OpenAi(null, null, " "));
		assertThat(properties.provider()).isEqualTo(AssistantProperties.Provider.OFFLINE);
		assertThat(properties.gemini().baseUrl()).hasToString("https://generativelanguage.googleapis.com/v1beta");
		assertThat(properties.gemini().apiKey()).isNull();
		assertThat(properties.gemini().model()).isEqualTo("gemini-2.5-flash");
		assertThat(properties.openai().baseUrl()).hasToString("https://api.openai.com/v1");
		assertThat(properties.openai().model()).isEqualTo("gpt-4o-mini");
		assertThat(properties.streamingReplies()).isEqualTo(16);
	}
}
