package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.internal.EventTransport.TransportUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The transport on its own against a stand-in sidecar: what counts as published, and how it fails. */
class DaprTransportTests {

	private final SidecarStandIn sidecar = new SidecarStandIn();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stopSidecar() {
		sidecar.close();
	}

	@Test
	void onlyA204CountsAsPublished() {
		DaprTransport transport = transport(null);

		assertThatNoException().isThrownBy(() -> transport.publish("reminders", event("42")));
		for (int status : new int[] { 200, 400, 403, 404, 500 }) {
			sidecar.answerPublishesWith(status);
			assertThatThrownBy(() -> transport.publish("reminders", event("42"))).as("HTTP %d", status)
				.isInstanceOf(TransportUnavailable.class)
				.hasMessageContaining("HTTP " + status)
				.hasMessageContaining("stand-in says " + status)
				.matches(refused -> !((TransportUnavailable) refused).unreachable(), "answered, so not unreachable");
		}
		assertThat(transport.isReachable()).isTrue();
	}

	@Test
	void aLongErrorBodyIsQuotedUpToWholeCharactersAndSaysItWasCut() {
		// the 300th byte is the first of the two that make "é": cutting the bytes there quoted a broken "\uFFFD"
		sidecar.answerPublishesWith(500);
		sidecar.answerErrorsWithBody("x".repeat(299) + "é, and the rest of a long complaint");

		assertThatThrownBy(() -> transport(null).publish("reminders", event("42")))
			.isInstanceOf(TransportUnavailable.class)
			.hasMessageEndingWith("HTTP 500 " + "x".repeat(299) + "é…")
			.hasMessageNotContaining("\uFFFD");
	}

	@Test
	void anErrorBodyIsQuotedUpTo300CharactersHoweverManyBytesEachTakes() {
		sidecar.answerPublishesWith(500);
		sidecar.answerErrorsWithBody("🥛".repeat(400));

		assertThatThrownBy(() -> transport(null).publish("reminders", event("42")))
			.hasMessageEndingWith("HTTP 500 " + "🥛".repeat(300) + "…");

		sidecar.answerErrorsWithBody("Zu groß: 🥛");
		assertThatThrownBy(() -> transport(null).publish("reminders", event("42"))).as("a short body whole, no \"…\"")
			.hasMessageEndingWith("HTTP 500 Zu groß: 🥛");
	}

	@Test
	void withoutADaprApiTokenNoTokenHeaderIsSent() {
		transport(null).publish("reminders", event("42"));

		SidecarStandIn.Request publish = sidecar.publishes().get(0);
		assertThat(publish.path()).isEqualTo("/v1.0/publish/taskflow-pubsub/reminders");
		assertThat(publish.query()).isEqualTo("metadata.partitionKey=42");
		assertThat(publish.headers()).doesNotContainKey("dapr-api-token");
	}

	@Test
	void anEventWithoutPartitionKeyOrTraceIsPublishedWithoutThem() {
		EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "/taskflow/tests", "test.happened", Instant.now(),
				null, null, null, json.createObjectNode());

		transport("secret").publish("notifications", event);

		SidecarStandIn.Request publish = sidecar.publishes().get(0);
		assertThat(publish.query()).isNull();
		assertThat(publish.headers()).doesNotContainKey("traceparent");
		assertThat(publish.header("dapr-api-token")).isEqualTo("secret");
	}

	@Test
	void aPartitionKeyIsEncodedForTheQueryString() {
		transport(null).publish("notifications", event("a b&c=d"));

		assertThat(sidecar.publishes().get(0).query()).isEqualTo("metadata.partitionKey=a%20b%26c%3Dd");
	}

	@Test
	void aTrailingSlashOnTheEndpointIsHarmless() {
		DaprProperties properties = new DaprProperties(URI.create(sidecar.endpoint() + "/"), null, null, null, null,
				null, null, null, null, null);

		new DaprTransport(new DaprSidecar(properties), json).publish("reminders", event("42"));

		assertThat(sidecar.publishes().get(0).path()).isEqualTo("/v1.0/publish/taskflow-pubsub/reminders");
	}

	@Test
	void aSidecarThatIsNotRunningFailsThePublishAtOnce() {
		DaprTransport transport = transport(null);
		sidecar.becomeUnreachable();

		long start = System.nanoTime();
		assertThatThrownBy(() -> transport.publish("reminders", event("42"))).isInstanceOf(TransportUnavailable.class)
			.hasMessageContaining("could not be reached")
			.matches(refused -> ((TransportUnavailable) refused).unreachable(), "unreachable");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(transport.isReachable()).isFalse();
	}

	@Test
	void aSidecarThatDoesNotAnswerFailsThePublishAfterTheReadTimeout() {
		DaprTransport transport = transport(null, Duration.ofMillis(500));
		sidecar.hangOnPublishes();

		// the stand-in never answers: only the read time-out ends the call (the bound is far above it, so
		// a loaded machine cannot fail this, yet far below "never")
		long start = System.nanoTime();
		assertThatThrownBy(() -> transport.publish("reminders", event("42"))).isInstanceOf(TransportUnavailable.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
	}

	/** Time-outs a busy CI machine never reaches for a sidecar that answers. */
	private DaprTransport transport(String apiToken) {
		return transport(apiToken, Duration.ofSeconds(10));
	}

	private DaprTransport transport(String apiToken, Duration readTimeout) {
		DaprProperties properties = new DaprProperties(URI.create(sidecar.endpoint()), null, null, null, null, apiToken,
				null, null, Duration.ofSeconds(5), readTimeout);
		return new DaprTransport(new DaprSidecar(properties), json);
	}

	private EventEnvelope event(String partitionKey) {
		return new EventEnvelope(UUID.randomUUID(), "/taskflow/tests", "test.happened", Instant.now(), null,
				partitionKey, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
				json.createObjectNode().put("n", 1));
	}
}
