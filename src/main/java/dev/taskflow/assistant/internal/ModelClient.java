package dev.taskflow.assistant.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * One hosted or local language model, spoken to in its provider's wire format. It sees the tools'
 * names, descriptions and schemas and may answer with calls to them; running them is not its business.
 */
interface ModelClient {

	/** For messages to the user: "Gemini (gemini-2.5-flash)". */
	String describe();

	/**
	 * Asks the model for the next step of the conversation.
	 * @throws ModelUnavailable when the model cannot be reached, refuses, or answers nonsense
	 */
	ModelAnswer next(String instructions, List<ModelMessage> transcript);

	/**
	 * The same, streamed: text is handed to {@code tokens} as the model produces it; the answer, with
	 * any tool calls, is complete when this returns.
	 */
	ModelAnswer stream(String instructions, List<ModelMessage> transcript, Consumer<String> tokens);

	/** A tool call as the model asked for it; the id pairs it with its result (OpenAI), if the model gave one. */
	record ModelToolCall(String id, String name, Map<String, Object> arguments) {

		public ModelToolCall {
			arguments = arguments == null ? Map.of() : arguments;
		}
	}

	/**
	 * What the model said: text, tool calls, or both. {@code raw} is the model's own message, sent back
	 * as it was in the next request (Gemini wants its parts, thought signatures included, unchanged).
	 */
	record ModelAnswer(String text, List<ModelToolCall> calls, JsonNode raw) {

		public ModelAnswer {
			calls = calls == null ? List.of() : List.copyOf(calls);
		}
	}

	/** The conversation in provider-neutral form. */
	sealed interface ModelMessage {

		record User(String text) implements ModelMessage {
		}

		record Assistant(String text, ModelAnswer answer) implements ModelMessage {
		}

		record ToolResult(ModelToolCall call, ChatAction action) implements ModelMessage {
		}
	}

	/** The model could not be used for this message; {@code reason} is fit to show the user. */
	class ModelUnavailable extends RuntimeException {

		ModelUnavailable(String reason) {
			super(reason);
		}

		ModelUnavailable(String reason, Throwable cause) {
			super(reason, cause);
		}
	}
}
