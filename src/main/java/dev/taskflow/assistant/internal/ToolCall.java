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

	/**
	 * A whole-number argument. JSON numbers beyond a long arrive as BigInteger, and Number.longValue()
	 * would wrap them (18446744073709551617 becoming task 1); 2.5 would lose its fraction. Both are
	 * refused, as REST refuses such ids, rather than read as another number.
	 */
	public Long number(String name) {
		Object value = arguments.get(name);
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
				return ((Number) value).longValue();
			}
			if (value instanceof Number number) {
				return new java.math.BigDecimal(number.toString()).longValueExact();
			}
			return Long.parseLong(value.toString().strip().replaceFirst("^#", ""));
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw dev.taskflow.platform.InvalidInput.of(name, "must be a whole number no larger than " + Long.MAX_VALUE);
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
