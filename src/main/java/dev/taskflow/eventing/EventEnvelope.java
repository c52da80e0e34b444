package dev.taskflow.eventing;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CloudEvents 1.0 envelope (structured JSON mode) around one of our event bodies. {@code id} is the
 * body's {@code event_id}, which consumers deduplicate on; {@code partitionkey} (the CloudEvents
 * partitioning extension) is the task or user id that keeps related events in order.
 */
public record EventEnvelope(UUID id, String source, String type, Instant time, String subject, String partitionKey,
		String traceparent, JsonNode data) {

	public static final String SPEC_VERSION = "1.0";

	public static final String CONTENT_TYPE = "application/cloudevents+json";

	/**
	 * The data, for reading its fields as its schema types them.
	 * @throws MalformedEvent if the data is not a JSON object
	 */
	public EventBody body() {
		return EventBody.of(data);
	}

	public ObjectNode toJson(JsonMapper json) {
		ObjectNode event = json.createObjectNode();
		event.put("specversion", SPEC_VERSION);
		event.put("id", id.toString());
		event.put("source", source);
		event.put("type", type);
		event.put("time", time.toString());
		event.put("datacontenttype", "application/json");
		event.put("subject", subject);
		event.put("partitionkey", partitionKey);
		event.put("traceparent", traceparent);
		event.set("data", data);
		return event;
	}

	/**
	 * Reads a structured CloudEvent as our transports deliver it (Dapr adds fields such as
	 * {@code topic} and {@code pubsubname}; they are ignored).
	 * @throws MalformedEvent if it is not a CloudEvent of ours; retrying cannot help
	 */
	public static EventEnvelope fromJson(JsonNode event) {
		if (event == null || !event.isObject()) {
			throw new MalformedEvent("not a JSON object");
		}
		if (!SPEC_VERSION.equals(text(event, "specversion"))) {
			throw new MalformedEvent("specversion must be 1.0");
		}
		JsonNode data = event.get("data");
		if (data == null || !data.isObject()) {
			throw new MalformedEvent("data must be a JSON object");
		}
		try {
			return new EventEnvelope(UUID.fromString(text(event, "id")), text(event, "source"), text(event, "type"),
					Instant.parse(text(event, "time")), optional(event, "subject"), optional(event, "partitionkey"),
					optional(event, "traceparent"), data);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new MalformedEvent("id must be a UUID and time an RFC 3339 timestamp");
		}
	}

	private static String text(JsonNode event, String field) {
		JsonNode value = event.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw new MalformedEvent("'" + field + "' is missing");
		}
		return value.stringValue();
	}

	private static String optional(JsonNode event, String field) {
		JsonNode value = event.get(field);
		return value == null || !value.isString() ? null : value.stringValue();
	}
}
