package dev.taskflow.eventing;

import tools.jackson.databind.JsonNode;

/**
 * Reading the fields of an event body (docs/events.md) in a consumer: a field the body must have
 * and does not is a {@link MalformedEvent}, which no retry can mend.
 */
public final class EventBody {

	private EventBody() {
	}

	/**
	 * @throws MalformedEvent if {@code node} lacks {@code field} or it is null
	 */
	public static JsonNode required(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new MalformedEvent("the event body lacks " + field);
		}
		return value;
	}

	/** The field's text, or null if it is missing or null. */
	public static String optionalText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
