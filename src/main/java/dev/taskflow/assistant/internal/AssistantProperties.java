package dev.taskflow.assistant.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which engine answers chat messages, and how model engines are reached and rationed.
 *
 * @param provider {@code offline} (default: no key, no network), {@code gemini} or {@code openai} (any
 * OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, LM Studio)
 * @param timeout how long one request to the model may take before the offline engine answers instead
 * @param maxToolRounds model requests in one chat turn (each may call tools), so a looping model stops
 * @param modelCallsPerMinute requests to the model one user may cause per minute
 * @param modelCallsPerDay requests to the model one user may cause per day, so one user cannot spend
 * everyone's quota; past either limit the offline engine answers
 * @param streamingReplies replies streamed at the same time (each holds a thread of its own while the
 * model answers, up to {@code timeout} per model request); past it a streamed chat gets a 503
 */
@ConfigurationProperties("taskflow.assistant")
public record AssistantProperties(Provider provider, Duration timeout, Integer maxToolRounds,
		Integer modelCallsPerMinute, Integer modelCallsPerDay, Integer streamingReplies, Gemini gemini, OpenAi openai) {

	public enum Provider {
		OFFLINE, GEMINI, OPENAI
	}

	public AssistantProperties {
		provider = provider == null ? Provider.OFFLINE : provider;
		timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
		maxToolRounds = maxToolRounds == null ? 5 : maxToolRounds;
		modelCallsPerMinute = modelCallsPerMinute == null ? 10 : modelCallsPerMinute;
		modelCallsPerDay = modelCallsPerDay == null ? 200 : modelCallsPerDay;
		streamingReplies = streamingReplies == null ? 16 : streamingReplies;
		gemini = gemini == null ? new Gemini(null, null, null) : gemini;
		openai = openai == null ? new OpenAi(null, null, null) : openai;
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("taskflow.assistant.timeout must be positive");
		}
		if (maxToolRounds < 1 || modelCallsPerMinute < 1 || modelCallsPerDay < 1 || streamingReplies < 1) {
			throw new IllegalArgumentException("taskflow.assistant.max-tool-rounds, model-calls-per-minute, "
					+ "model-calls-per-day and streaming-replies must be at least 1");
		}
	}

	/**
	 * Google Gemini's generateContent API.
	 * @param apiKey {@code GEMINI_API_KEY}; without one every message is answered offline, with a note
	 */
	public record Gemini(URI baseUrl, String apiKey, String model) {

		public Gemini {
			baseUrl = blank(baseUrl) ? URI.create("https://generativelanguage.googleapis.com/v1beta") : baseUrl;
			apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
			model = model == null || model.isBlank() ? "gemini-2.5-flash" : model.strip();
		}
	}

	/**
	 * An OpenAI-compatible chat completions API.
	 * @param baseUrl up to and including the version, e.g. {@code https://api.openai.com/v1} or
	 * Ollama's {@code http://localhost:11434/v1}
	 * @param apiKey sent as a bearer token; local servers usually need none
	 */
	public record OpenAi(URI baseUrl, String apiKey, String model) {

		public OpenAi {
			baseUrl = blank(baseUrl) ? URI.create("https://api.openai.com/v1") : baseUrl;
			apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
			model = model == null || model.isBlank() ? "gpt-4o-mini" : model.strip();
		}
	}

	/** Deployments pass unset variables on as empty strings. */
	private static boolean blank(URI uri) {
		return uri == null || uri.toString().isBlank();
	}
}
