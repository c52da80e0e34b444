package dev.taskflow.support;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas in {@code src/main/resources/schemas/events}, loaded from the classpath (their
 * {@code $id}s point at taskflow.dev, which is mapped to the classpath here: no network).
 */
public final class EventSchemas {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://taskflow.dev/schemas/", "classpath:schemas/"))
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private static final Schema ENVELOPE = schema("cloudevent");

	private static final Schema TASK_EVENT = schema("task-event");

	private static final Schema TASK_UPDATE = schema("task-update");

	private static final Schema REMINDER_DUE = schema("reminder-due");

	private static final Schema NOTIFICATION_CREATED = schema("notification-created");

	private EventSchemas() {
	}

	/** Every violation of the envelope schema and of the body schema of {@code topic}. */
	public static List<String> violations(String topic, JsonNode cloudEvent) {
		Schema body = switch (topic) {
			case "task-events" -> TASK_EVENT;
			case "task-updates" -> TASK_UPDATE;
			case "reminders" -> REMINDER_DUE;
			case "notifications" -> NOTIFICATION_CREATED;
			default -> throw new IllegalArgumentException("No schema for topic " + topic);
		};
		return java.util.stream.Stream
			.concat(ENVELOPE.validate(cloudEvent).stream(), body.validate(cloudEvent.get("data")).stream())
			.map(Error::toString)
			.toList();
	}

	private static Schema schema(String name) {
		return REGISTRY.getSchema(SchemaLocation.of("https://taskflow.dev/schemas/events/" + name + ".schema.json"));
	}
}
