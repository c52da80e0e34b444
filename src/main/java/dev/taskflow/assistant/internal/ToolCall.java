package dev.taskflow.assistant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run one tool with its arguments, from whichever engine decided on it. The acting user
 * is never an argument: it is the authenticated caller of the turn.
 */
public record ToolCall(String tool, Map<String, Object> arguments) {

	public ToolCall {
		Objects.requireNonNull(tool, "tool");
		Map<String, Object> present = new LinkedHashMap<>();
		if (arguments != null) {
			arguments.forEach((name, value) -> {
				if (value != null) {
					present.put(name, value);
				}
			});
		}
		arguments = java.util.Collections.unmodifiableMap(present);
	}

	public static ToolCall of(String tool, Object... keysAndValues) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return new ToolCall(tool, arguments);
	}

	public String text(String name) {
		Object value = arguments.get(name);
		return value == null ? null : value.toString();
	}

	public Long number(String name) {
		Object value = arguments.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return Long.parseLong(value.toString().strip().replaceFirst("^#", ""));
		}
		catch (NumberFormatException ex) {
			throw dev.taskflow.platform.InvalidInput.of(name, "must be a number");
		}
	}

	public Boolean flag(String name) {
		Object value = arguments.get(name);
		return value == null ? null : value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
	}

	public List<String> list(String name) {
		Object value = arguments.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> items) {
			return items.stream().map(Object::toString).toList();
		}
		return List.of(value.toString().split("\\s*,\\s*"));
	}
}
