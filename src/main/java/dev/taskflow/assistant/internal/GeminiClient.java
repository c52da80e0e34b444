package dev.taskflow.assistant.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Gemini's {@code POST {base}/models/{model}:generateContent} with the key in
 * {@code x-goog-api-key}: {@code contents} of {@code user}/{@code model} turns made of parts,
 * {@code tools[0].functionDeclarations}, answered by {@code candidates[0].content.parts} holding
 * {@code text} and/or {@code functionCall {name, args}}. Results go back as {@code functionResponse}
 * parts; the model's own turn is sent back unchanged (it may carry thought signatures).
 */
final class GeminiClient implements ModelClient {

	private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
	};

	/** The OpenAPI subset Gemini's function declarations accept; other JSON Schema keywords are dropped. */
	private static final Set<String> SCHEMA_KEYS = Set.of("type", "format", "description", "nullable", "enum",
			"maxItems", "minItems", "properties", "required", "minLength", "maxLength", "pattern", "minimum",
			"maximum", "items", "anyOf");

	private final ModelHttp http;

	private final AssistantProperties.Gemini settings;

	private final Map<String, Object> tools;

	GeminiClient(ModelHttp http, AssistantProperties.Gemini settings) {
		this.http = http;
		this.settings = settings;
		this.tools = Map.of("functionDeclarations", McpToolCatalog.tools()
			.stream()
			.map(tool -> Map.of("name", tool.name(), "description", tool.description(), "parameters",
					schema(tool.inputSchema())))
			.toList());
	}

	@Override
	public String describe() {
		return "Gemini (" + settings.model() + ")";
	}

	@Override
	public ModelAnswer next(String instructions, List<ModelMessage> transcript) {
		return read(http.post(endpoint("generateContent"), headers(), request(instructions, transcript)));
	}

	/**
	 * {@code streamGenerateContent?alt=sse}: each event is a partial answer whose parts (text pieces,
	 * whole function calls) are put together, in order, into the turn a plain request returns.
	 */
	@Override
	public ModelAnswer stream(String instructions, List<ModelMessage> transcript, Consumer<String> tokens) {
		ArrayNode parts = http.json().createArrayNode();
		StringBuilder blocked = new StringBuilder();
		http.stream(endpoint("streamGenerateContent?alt=sse"), headers(), request(instructions, transcript), chunk -> {
			if (chunk.path("promptFeedback").path("blockReason").isString()) {
				blocked.append(chunk.path("promptFeedback").path("blockReason").asString());
			}
			for (JsonNode part : chunk.path("candidates").path(0).path("content").path("parts")) {
				parts.add(part);
				if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
					tokens.accept(part.path("text").asString());
				}
			}
		});
		ObjectNode answer = http.json().createObjectNode();
		if (parts.isEmpty()) {
			if (!blocked.isEmpty()) {
				answer.putObject("promptFeedback").put("blockReason", blocked.toString());
			}
			return read(answer);
		}
		ObjectNode content = answer.putArray("candidates").addObject().putObject("content");
		content.put("role", "model");
		content.set("parts", parts);
		return read(answer);
	}

	private Map<String, String> headers() {
		if (settings.apiKey() == null) {
			throw new ModelUnavailable("Gemini has no API key configured (GEMINI_API_KEY)");
		}
		return Map.of("x-goog-api-key", settings.apiKey());
	}

	private Map<String, Object> request(String instructions, List<ModelMessage> transcript) {
		List<Object> contents = new ArrayList<>();
		List<Object> responses = null;
		for (ModelMessage message : transcript) {
			if (message instanceof ModelMessage.ToolResult result) {
				// the results of one model turn's calls go back together, as the parts of one user turn
				if (responses == null) {
					responses = new ArrayList<>();
					contents.add(Map.of("role", "user", "parts", responses));
				}
				responses.add(Map.of("functionResponse", response(result)));
				continue;
			}
			responses = null;
			if (message instanceof ModelMessage.User user) {
				contents.add(turn("user", Map.of("text", user.text())));
			}
			else if (message instanceof ModelMessage.Assistant assistant) {
				contents.add(assistant.answer() != null && assistant.answer().raw() != null ? assistant.answer().raw()
						: turn("model", Map.of("text", assistant.text())));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("systemInstruction", Map.of("parts", List.of(Map.of("text", instructions))));
		body.put("contents", contents);
		body.put("tools", List.of(tools));
		return body;
	}

	private static Map<String, Object> turn(String role, Map<String, Object> part) {
		return Map.of("role", role, "parts", List.of(part));
	}

	private static Map<String, Object> response(ModelMessage.ToolResult result) {
		Map<String, Object> response = new LinkedHashMap<>();
		if (result.call().id() != null) {
			response.put("id", result.call().id());
		}
		response.put("name", result.call().name());
		response.put("response", result.action().error() ? Map.of("error", result.action().result())
				: Map.of("result", ModelEngine.resultText(result.action()), "task_ids", result.action().taskIds()));
		return response;
	}

	private URI endpoint(String method) {
		String base = settings.baseUrl().toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "models/" + settings.model() + ":" + method);
	}

	private ModelAnswer read(JsonNode answer) {
		JsonNode content = answer.path("candidates").path(0).path("content");
		if (!content.isObject() || !content.path("parts").isArray()) {
			String blocked = answer.path("promptFeedback").path("blockReason").asString("");
			throw http.malformed(blocked.isEmpty() ? "no candidates[0].content.parts" : "blocked: " + blocked);
		}
		StringBuilder text = new StringBuilder();
		List<ModelToolCall> calls = new ArrayList<>();
		for (JsonNode part : content.path("parts")) {
			if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
				text.append(part.path("text").asString());
			}
			JsonNode call = part.path("functionCall");
			if (call.isObject()) {
				if (!call.path("name").isString()) {
					throw http.malformed("a functionCall without a name");
				}
				calls.add(new ModelToolCall(call.path("id").isString() ? call.path("id").asString() : null,
						call.path("name").asString(), arguments(call.path("args"))));
			}
		}
		if (text.isEmpty() && calls.isEmpty()) {
			throw http.malformed("neither text nor function calls");
		}
		return new ModelAnswer(text.isEmpty() ? null : text.toString(), calls, content);
	}

	private Map<String, Object> arguments(JsonNode args) {
		if (args.isMissingNode() || args.isNull()) {
			return Map.of();
		}
		if (!args.isObject()) {
			throw http.malformed("functionCall args that are not an object");
		}
		try {
			return http.json().convertValue(args, ARGUMENTS);
		}
		catch (JacksonException ex) {
			throw http.malformed("functionCall args that are not an object");
		}
	}

	@SuppressWarnings("unchecked")
	private static Object schema(Object node) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> kept = new LinkedHashMap<>();
			((Map<String, Object>) map).forEach((key, value) -> {
				if (SCHEMA_KEYS.contains(key)) {
					kept.put(key, key.equals("properties") ? properties((Map<String, Object>) value) : schema(value));
				}
			});
			return kept;
		}
		if (node instanceof List<?> list) {
			return list.stream().map(GeminiClient::schema).toList();
		}
		return node;
	}

	private static Map<String, Object> properties(Map<String, Object> properties) {
		Map<String, Object> kept = new LinkedHashMap<>();
		properties.forEach((name, schema) -> kept.put(name, schema(schema)));
		return kept;
	}
}
