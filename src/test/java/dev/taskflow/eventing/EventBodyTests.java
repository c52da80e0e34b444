package dev.taskflow.eventing;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fields read as the event schemas type them: a wrong JSON type is malformed and named, never coerced. */
class EventBodyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final UUID ANN = UUID.fromString("0d4f5e2a-6b1c-4f3e-9a7d-2c8b1e0f4a5d");

	@Test
	void fieldsOfTheirSchemaTypeAreRead() {
		EventBody body = body("""
				{"user_id": "%s", "task_id": 42, "sequence": 2.0, "timestamp": "2026-03-28T10:00:00Z",
				 "task": {"title": "Water the plants", "due_at": null, "series_index": 3,
				          "reminders": [{"remind_at": "2026-03-28T09:45:00Z", "sent": false}, {"sent": true}]},
				 "changes": {"title": {"old": "a", "new": "b"}}}""".formatted(ANN));

		assertThat(body.requiredUuid("user_id")).isEqualTo(ANN);
		assertThat(body.requiredPositiveLong("task_id")).isEqualTo(42);
		assertThat(body.requiredPositiveLong("sequence")).as("a whole number, as JSON Schema counts it").isEqualTo(2);
		assertThat(body.requiredInstant("timestamp")).isEqualTo(Instant.parse("2026-03-28T10:00:00Z"));
		EventBody task = body.requiredObject("task");
		assertThat(task.requiredText("title")).isEqualTo("Water the plants");
		assertThat(task.optionalText("due_at")).isNull();
		assertThat(task.optionalText("recurrence")).isNull();
		assertThat(task.optionalPositiveInt("series_index", 1)).isEqualTo(3);
		assertThat(task.optionalPositiveInt("series_id", 1)).isEqualTo(1);
		assertThat(task.objects("reminders")).hasSize(2);
		assertThat(task.objects("reminders").get(0).optionalInstant("remind_at"))
			.isEqualTo(Instant.parse("2026-03-28T09:45:00Z"));
		assertThat(task.objects("reminders").get(1).requiredBoolean("sent")).isTrue();
		assertThat(task.objects("tags")).isEmpty();
		assertThat(body.optionalObject("changes").json().at("/title/new").stringValue()).isEqualTo("b");
		assertThat(task.optionalObject("changes")).isNull();
	}

	@Test
	void aNumericStringIsNoNumberAndANumberNoString() {
		assertMalformed(() -> body("{\"task_id\": \"abc\"}").requiredPositiveLong("task_id"),
				"task_id must be a whole number of at least 1, not a string");
		assertMalformed(() -> body("{\"sequence\": \"1\"}").requiredPositiveLong("sequence"),
				"sequence must be a whole number of at least 1, not a string");
		assertMalformed(() -> body("{\"task\": {\"series_index\": \"two\"}}").requiredObject("task")
			.optionalPositiveInt("series_index", 1), "task.series_index must be a whole number of at least 1 or null, not a string");
		assertMalformed(() -> body("{\"title\": 7}").requiredText("title"), "title must be a string, not a number");
		assertMalformed(() -> body("{\"due_at\": 20260328}").optionalText("due_at"),
				"due_at must be a string or null, not a number");
		assertMalformed(() -> body("{\"sent\": \"false\"}").requiredBoolean("sent"), "sent must be true or false, not a string");
	}

	@Test
	void wrongTypesAreNamedWithTheWholePathOfTheField() {
		assertMalformed(() -> body("{\"user_id\": {\"a\": 1}}").requiredUuid("user_id"),
				"user_id must be a string, not an object");
		assertMalformed(() -> body("{\"task\": {\"title\": {\"x\": 1}}}").requiredObject("task").requiredText("title"),
				"task.title must be a string, not an object");
		assertMalformed(() -> body("{\"task\": \"Buy milk\"}").requiredObject("task"), "task must be an object, not a string");
		assertMalformed(() -> body("{\"task\": {\"reminders\": [{\"sent\": false}, 3]}}").requiredObject("task")
			.objects("reminders"), "task.reminders[1] must be an object, not a number");
		assertMalformed(() -> body("{\"task\": {\"reminders\": [{\"remind_at\": [], \"sent\": false}]}}")
			.requiredObject("task")
			.objects("reminders")
			.get(0)
			.optionalInstant("remind_at"), "task.reminders[0].remind_at must be a string or null, not an array");
		assertMalformed(() -> body("{\"changes\": [1]}").optionalObject("changes"),
				"changes must be an object or null, not an array");
	}

	@Test
	void numbersOutsideTheSchemasRangeAreMalformed() {
		assertMalformed(() -> body("{\"task_id\": 1.5}").requiredPositiveLong("task_id"),
				"task_id must be a whole number of at least 1, not a fraction");
		assertMalformed(() -> body("{\"task_id\": 0}").requiredPositiveLong("task_id"),
				"task_id must be a whole number of at least 1, not a number below 1");
		assertMalformed(() -> body("{\"task_id\": -2.0}").requiredPositiveLong("task_id"),
				"task_id must be a whole number of at least 1, not a number below 1");
		assertMalformed(() -> body("{\"task_id\": 99999999999999999999}").requiredPositiveLong("task_id"),
				"task_id is larger than 9223372036854775807");
		assertMalformed(() -> body("{\"series_index\": 3000000000}").optionalPositiveInt("series_index", 1),
				"series_index is larger than 2147483647");
	}

	@Test
	void missingBlankAndUnparsableValuesAreMalformed() {
		assertMalformed(() -> body("{}").requiredPositiveLong("task_id"), "the event body lacks task_id");
		assertMalformed(() -> body("{\"task\": {\"title\": null}}").requiredObject("task").requiredText("title"),
				"the event body lacks task.title");
		assertMalformed(() -> body("{\"title\": \"  \"}").requiredText("title"),
				"title is blank");
		assertMalformed(() -> body("{\"user_id\": \"not-a-uuid\"}").requiredUuid("user_id"), "user_id must be a UUID");
		assertMalformed(() -> body("{\"remind_at\": \"tomorrow\"}").requiredInstant("remind_at"),
				"remind_at must be an RFC 3339 timestamp");
		assertMalformed(() -> EventBody.of(JSON.readTree("[1]")), "data must be a JSON object");
	}

	private static void assertMalformed(Runnable read, String message) {
		assertThatThrownBy(read::run).isInstanceOf(MalformedEvent.class).hasMessage(message);
	}

	private static EventBody body(String json) {
		return EventBody.of(JSON.readTree(json));
	}
}
