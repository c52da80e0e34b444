package dev.taskflow.eventing;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The body (CloudEvent data) of an event, or an object inside it, read field by field the way the
 * JSON Schemas (src/main/resources/schemas/events) type them. Every consumer reads bodies this way
 * ({@link EventEnvelope#body()}), so a field that is missing or of another JSON type is a
 * {@link MalformedEvent} naming the field, which transports drop or dead-letter at once. Nothing is
 * coerced: a numeric string is no number and a number no string. Jackson's own readers
 * ({@code asLong()} on a string node, say) throw an exception of their own instead, which a
 * transport used to take for a passing failure and retry for hours.
 */
public final class EventBody {

	private final JsonNode json;

	/** Where this object sits in the body ({@code task.}), so a message names the whole field. */
	private final String path;

	private EventBody(JsonNode json, String path) {
		this.json = json;
		this.path = path;
	}

	/** @throws MalformedEvent if {@code data} is not a JSON object */
	public static EventBody of(JsonNode data) {
		if (data == null || !data.isObject()) {
			throw new MalformedEvent("data must be a JSON object");
		}
		return new EventBody(data, "");
	}

	/** The object as it is, for a consumer that keeps it whole (the audit log keeps {@code changes}). */
	public JsonNode json() {
		return json;
	}

	/** A string of at least one character that is not white space. */
	public String requiredText(String field) {
		JsonNode value = required(field);
		if (!value.isString()) {
			throw wrong(field, "a string", value);
		}
		if (value.stringValue().isBlank()) {
			throw new MalformedEvent(name(field) + " is blank");
		}
		return value.stringValue();
	}

	/** A string, or null if the field is missing or null. */
	public String optionalText(String field) {
		JsonNode value = optional(field);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw wrong(field, "a string or null", value);
		}
		return value.stringValue();
	}

	public UUID requiredUuid(String field) {
		String text = requiredText(field);
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEvent(name(field) + " must be a UUID");
		}
	}

	/** An RFC 3339 timestamp. */
	public Instant requiredInstant(String field) {
		return instant(field, requiredText(field));
	}

	/** An RFC 3339 timestamp, or null if the field is missing or null. */
	public Instant optionalInstant(String field) {
		String text = optionalText(field);
		return text == null ? null : instant(field, text);
	}

	/**
	 * A whole number of at least 1, as every integer of our schemas is (ids, sequences, series
	 * indexes); {@code 2.0} counts as whole, as JSON Schema's {@code integer} has it.
	 */
	public long requiredPositiveLong(String field) {
		return positiveWholeNumber(field, required(field), Long.MAX_VALUE, "a whole number of at least 1");
	}

	/** As {@link #requiredPositiveLong}, within an int; {@code absent} if the field is missing or null. */
	public int optionalPositiveInt(String field, int absent) {
		JsonNode value = optional(field);
		return value == null ? absent
				: (int) positiveWholeNumber(field, value, Integer.MAX_VALUE, "a whole number of at least 1 or null");
	}

	public boolean requiredBoolean(String field) {
		JsonNode value = required(field);
		if (!value.isBoolean()) {
			throw wrong(field, "true or false", value);
		}
		return value.booleanValue();
	}

	public EventBody requiredObject(String field) {
		JsonNode value = required(field);
		if (!value.isObject()) {
			throw wrong(field, "an object", value);
		}
		return new EventBody(value, name(field) + ".");
	}

	/** The object, or null if the field is missing or null. */
	public EventBody optionalObject(String field) {
		JsonNode value = optional(field);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			throw wrong(field, "an object or null", value);
		}
		return new EventBody(value, name(field) + ".");
	}

	/** The objects of an array, in order; none if the field is missing or null. */
	public List<EventBody> objects(String field) {
		JsonNode value = optional(field);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw wrong(field, "an array of objects", value);
		}
		List<EventBody> objects = new ArrayList<>(value.size());
		for (int index = 0; index < value.size(); index++) {
			JsonNode element = value.get(index);
			String elementName = name(field) + "[" + index + "]";
			if (!element.isObject()) {
				throw new MalformedEvent(elementName + " must be an object, not " + describe(element));
			}
			objects.add(new EventBody(element, elementName + "."));
		}
		return List.copyOf(objects);
	}

	private JsonNode required(String field) {
		JsonNode value = optional(field);
		if (value == null) {
			throw new MalformedEvent("the event body lacks " + name(field));
		}
		return value;
	}

	private JsonNode optional(String field) {
		JsonNode value = json.get(field);
		return value == null || value.isNull() ? null : value;
	}

	private long positiveWholeNumber(String field, JsonNode value, long max, String expected) {
		if (!value.canConvertToExactIntegral() || value.bigIntegerValue().signum() < 1) {
			throw wrong(field, expected, value);
		}
		if (!value.canConvertToLong() || value.longValue() > max) {
			throw new MalformedEvent(name(field) + " is larger than " + max);
		}
		return value.longValue();
	}

	private Instant instant(String field, String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEvent(name(field) + " must be an RFC 3339 timestamp");
		}
	}

	private String name(String field) {
		return path + field;
	}

	/** Names the JSON type, not the value: a message is logged and kept, and the value could be anything. */
	private MalformedEvent wrong(String field, String expected, JsonNode value) {
		return new MalformedEvent(name(field) + " must be " + expected + ", not " + describe(value));
	}

	private static String describe(JsonNode value) {
		if (value.isString()) {
			return "a string";
		}
		if (value.isNumber()) {
			if (!value.canConvertToExactIntegral()) {
				return "a fraction";
			}
			return value.bigIntegerValue().signum() < 1 ? "a number below 1" : "a number";
		}
		if (value.isBoolean()) {
			return "true or false";
		}
		if (value.isArray()) {
			return "an array";
		}
		return value.isObject() ? "an object" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
	}
}
