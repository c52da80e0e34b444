package dev.taskflow.web.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LivePushConsumerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	private final LiveProperties properties = new LiveProperties(null, null, null, null, null, Duration.ofMinutes(5));

	private final RecordingStreams streams = new RecordingStreams(properties);

	@Test
	void theEmbeddedProcessConsumesUnderOneStableName() {
		assertThat(consumer("embedded").name()).isEqualTo("web-live");
		assertThat(consumer("EMBEDDED").name()).isEqualTo("web-live");
	}

	@Test
	void eachDaprProcessConsumesUnderANameOfItsOwnSoTheSharedInboxCannotSwallowItsPushes() {
		String one = consumer("dapr").name();
		String other = consumer("dapr").name();

		assertThat(one).startsWith("web-live-").isNotEqualTo(other).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void recentEventsArePushedToTheirUserOldOnesAreNot() {
		UUID ann = UUID.randomUUID();
		LivePushConsumer consumer = consumer("embedded");

		consumer.handle(event("notification.created", ann, NOW.minusSeconds(10)));
		consumer.handle(event("notification.created", ann, NOW.minus(Duration.ofHours(20))));
		consumer.handle(event("task.updated", ann, NOW));

		assertThat(streams.pushed).containsExactly(ann + " notification.created", ann + " task.updated");
	}

	@Test
	void unknownTypesAreIgnoredAndAnEventWithoutAUserIsMalformed() {
		LivePushConsumer consumer = consumer("embedded");
		consumer.handle(event("task.archived", UUID.randomUUID(), NOW));
		assertThat(streams.pushed).isEmpty();

		EventEnvelope noUser = event("task.updated", UUID.randomUUID(), NOW);
		((ObjectNode) noUser.data()).put("user_id", "nobody");
		assertThatThrownBy(() -> consumer.handle(noUser)).isInstanceOf(MalformedEvent.class);
	}

	private LivePushConsumer consumer(String transport) {
		return new LivePushConsumer(streams, JSON, properties, Clock.fixed(NOW, ZoneOffset.UTC), transport);
	}

	private static EventEnvelope event(String type, UUID userId, Instant time) {
		ObjectNode data = JSON.createObjectNode();
		data.put("event_type", type);
		data.put("user_id", userId.toString());
		UUID id = UUID.randomUUID();
		return new EventEnvelope(id, "/test", type, time, null, userId.toString(), null, data);
	}

	static class RecordingStreams extends LiveStreams {

		final java.util.List<String> pushed = new java.util.ArrayList<>();

		RecordingStreams(LiveProperties properties) {
			super(properties, (user, credentials) -> java.util.Set.of(), new SimpleMeterRegistry(), Clock.systemUTC());
		}

		@Override
		void push(UUID userId, String type, String id, String json) {
			pushed.add(userId + " " + type);
		}
	}
}
