package dev.taskflow.assistant.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The language-model engine named by {@code taskflow.assistant.provider}. With {@code offline} (the
 * default) none of these beans exists, so nothing is configured that could reach out to a model.
 */
@Configuration(proxyBeanMethods = false)
class ModelEngineConfiguration {

	static final String PROVIDER = "taskflow.assistant.provider";

	@Bean
	@Primary
	@ConditionalOnProperty(name = PROVIDER, havingValue = "openai")
	ModelEngine openAiEngine(AssistantProperties properties, OfflineEngine offline, JsonMapper json, Clock clock) {
		String name = "The language model (" + properties.openai().model() + ")";
		return engine(new OpenAiCompatibleClient(new ModelHttp(name, properties.timeout(), json), properties.openai()),
				properties, offline, clock);
	}

	@Bean
	@Primary
	@ConditionalOnProperty(name = PROVIDER, havingValue = "gemini")
	ModelEngine geminiEngine(AssistantProperties properties, OfflineEngine offline, JsonMapper json, Clock clock) {
		String name = "Gemini (" + properties.gemini().model() + ")";
		return engine(new GeminiClient(new ModelHttp(name, properties.timeout(), json), properties.gemini()), properties,
				offline, clock);
	}

	private static ModelEngine engine(ModelClient client, AssistantProperties properties, OfflineEngine offline,
			Clock clock) {
		return new ModelEngine(client, offline, new ModelCallLimit(properties, clock), properties.maxToolRounds(), clock);
	}
}
