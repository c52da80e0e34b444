package dev.taskflow.assistant.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM, LM Studio):
 * {@code POST {base}/chat/completions} with {@code messages} and {@code tools} (type {@code function}),
 * answered by {@code choices[0].message} with {@code content} and/or {@code tool_calls}, whose
 * {@code function.arguments} is a JSON string. Tool results go back as {@code role: tool} messages
 * naming the {@code tool_call_id}.
 */
final class OpenAiCompatibleClient implements ModelClient {

	private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
	};

	private final ModelHttp http;

	private final AssistantProperties.OpenAi settings;

	private final List<Map<String, Object>> tools;

	OpenAiCompatibleClient(ModelHttp http, AssistantProperties.OpenAi settings) {
		this.http = http;
		this.settings = settings;
		this.tools = McpToolCatalog.tools()
			.stream()
			.map(tool -> Map.<String, Object>of("type", "function", "function",
					Map.of("name", tool.name(), "description", tool.description(), "parameters", tool.inputSchema())))
			.toList();
	}

	@Override
	public String describe() {
		return "The language model (" + settings.model() + ")";
	}

	@Override
	public ModelAnswer next(String instructions, List<ModelMessage> transcript) {
		return read(http.post(endpoint(), headers(), request(instructions, transcript)));
	}

	/**
	 * With {@code stream: true} the answer comes as chunks whose {@code choices[0].delta} carries a
	 * piece of the text, or pieces of tool calls (by {@code index}: the id and name once, the
	 * arguments' JSON text in fragments), put together here into the message a plain request returns.
	 */
	@Override
	public ModelAnswer stream(String instructions, List<ModelMessage> transcript, Consumer<String> tokens) {
		Map<String, Object> body = request(instructions, transcript);
		body.put("stream", true);
		StringBuilder text = new StringBuilder();
		Map<Integer, ObjectNode> calls = new TreeMap<>();
		http.stream(endpoint(), headers(), body, chunk -> {
			JsonNode delta = chunk.path("choices").path(0).path("delta");
			if (delta.path("content").isString() && !delta.path("content").asString().isEmpty()) {
				text.append(delta.path("content").asString());
				tokens.accept(delta.path("content").asString());
			}
			int position = 0;
			for (JsonNode piece : delta.path("tool_calls")) {
				ObjectNode call = calls.computeIfAbsent(piece.path("index").asInt(position), index -> newCall());
				if (piece.path("id").isString()) {
					call.put("id", piece.path("id").asString());
				}
				ObjectNode function = (ObjectNode) call.get("function");
				if (piece.path("function").path("name").isString()) {
					function.put("name", piece.path("function").path("name").asString());
				}
				if (piece.path("function").path("arguments").isString()) {
					function.put("arguments", function.path("arguments").asString("") + piece.path("function").path("arguments").asString());
				}
				position++;
			}
		});
		ObjectNode message = http.json().createObjectNode();
		message.put("role", "assistant");
		if (text.isEmpty()) {
			message.putNull("content");
		}
		else {
			message.put("content", text.toString());
		}
		if (!calls.isEmpty()) {
			ArrayNode toolCalls = message.putArray("tool_calls");
			calls.values().forEach(toolCalls::add);
		}
		ObjectNode answer = http.json().createObjectNode();
		answer.putArray("choices").addObject().set("message", message);
		return read(answer);
	}

	private ObjectNode newCall() {
		ObjectNode call = http.json().createObjectNode();
		call.put("type", "function");
		call.putObject("function");
		return call;
	}

	private Map<String, Object> request(String instructions, List<ModelMessage> transcript) {
		List<Object> messages = new ArrayList<>();
		messages.add(Map.of("role", "system", "content", instructions));
		for (ModelMessage message : transcript) {
			messages.add(toOpenAi(message));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", settings.model());
		body.put("messages", messages);
		body.put("tools", tools);
		body.put("tool_choice", "auto");
		return body;
	}

	private Map<String, String> headers() {
		return settings.apiKey() == null ? Map.of() : Map.of("Authorization", "Bearer " + settings.apiKey());
	}

	private static Object toOpenAi(ModelMessage message) {
		if (message instanceof ModelMessage.User user) {
			return Map.of("role", "user", "content", user.text());
		}
		if (message instanceof ModelMessage.Assistant assistant) {
			return assistant.answer() != null && assistant.answer().raw() != null ? assistant.answer().raw()
					: Map.of("role", "assistant", "content", assistant.text());
		}
		ModelMessage.ToolResult result = (ModelMessage.ToolResult) message;
		return Map.of("role", "tool", "tool_call_id", result.call().id() == null ? result.call().name() : result.call().id(),
				"content", ModelEngine.resultText(result.action()));
	}

	private URI endpoint() {
		String base = settings.baseUrl().toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
	}

	private ModelAnswer read(JsonNode answer) {
		JsonNode message = answer.path("choices").path(0).path("message");
		if (!message.isObject()) {
			throw http.malformed("no choices[0].message");
		}
		JsonNode content = message.path("content");
		String text = content.isString() ? content.asString() : null;
		List<ModelToolCall> calls = new ArrayList<>();
		// the message is sent back in the next request with only the fields a request may carry: servers
		// add response-only ones (refusal, annotations, reasoning) that some refuse to take back
		ObjectNode raw = http.json().createObjectNode();
		raw.put("role", "assistant");
		if (text == null) {
			raw.putNull("content");
		}
		else {
			raw.put("content", text);
		}
		ArrayNode echoedCalls = null;
		for (JsonNode call : message.path("tool_calls")) {
			JsonNode function = call.path("function");
			if (!function.path("name").isString()) {
				throw http.malformed("a tool call without a function name");
			}
			if (echoedCalls == null) {
				echoedCalls = raw.putArray("tool_calls");
			}
			ModelToolCall parsed = new ModelToolCall(call.path("id").isString() ? call.path("id").asString() : null,
					function.path("name").asString(), arguments(function.path("arguments")));
			calls.add(parsed);
			ObjectNode echoed = echoedCalls.addObject();
			echoed.put("id", parsed.id() == null ? parsed.name() : parsed.id());
			echoed.put("type", "function");
			echoed.putObject("function")
				.put("name", parsed.name())
				.put("arguments", function.path("arguments").isString() ? function.path("arguments").asString()
						: http.json().writeValueAsString(parsed.arguments()));
		}
		if (text == null && calls.isEmpty()) {
			throw http.malformed("neither text nor tool calls");
		}
		return new ModelAnswer(text, calls, raw);
	}

	/** The arguments are a JSON object encoded as a string; some servers send the object itself. */
	private Map<String, Object> arguments(JsonNode arguments) {
		try {
			if (arguments.isObject()) {
				return http.json().convertValue(arguments, ARGUMENTS);
			}
			if (arguments.isString() && !arguments.asString().isBlank()) {
				return http.json().readValue(arguments.asString(), ARGUMENTS);
			}
			return Map.of();
		}
		catch (JacksonException ex) {
			throw http.malformed("tool call arguments that are not a JSON object");
		}
	}
}
