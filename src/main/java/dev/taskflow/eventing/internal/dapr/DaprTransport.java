package dev.taskflow.eventing.internal.dapr;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.internal.EventTransport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes through the sidecar: {@code POST /v1.0/publish/{pubsub}/{topic}} with our own structured
 * CloudEvent ({@code application/cloudevents+json}, so Dapr keeps our id, type and source) and the
 * partition key as {@code metadata.partitionKey}, which the Kafka component uses as the record key.
 * Only 204 means the broker has the event; anything else leaves it in the outbox for a retry.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprTransport implements EventTransport {

	private static final MediaType CLOUD_EVENT = MediaType.parseMediaType(EventEnvelope.CONTENT_TYPE);

	private static final String PUBLISH = "/v1.0/publish/{pubsub}/{topic}";

	private final DaprSidecar sidecar;

	private final JsonMapper json;

	DaprTransport(DaprSidecar sidecar, JsonMapper json) {
		this.sidecar = sidecar;
		this.json = json;
	}

	@Override
	public void publish(String topic, EventEnvelope event) {
		String pubsub = sidecar.properties().pubsubName();
		byte[] body = json.writeValueAsBytes(event.toJson(json));
		try {
			sidecar.http()
				.post()
				.uri(uri -> event.partitionKey() == null ? uri.path(PUBLISH).build(pubsub, topic)
						: uri.path(PUBLISH).queryParam("metadata.partitionKey", "{key}")
							.build(pubsub, topic, event.partitionKey()))
				.contentType(CLOUD_EVENT)
				.headers(headers -> {
					if (event.traceparent() != null) {
						headers.set("traceparent", event.traceparent());
					}
				})
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					if (status != 204) {
						throw new TransportUnavailable("Dapr did not publish " + event.type() + " " + event.id() + " to "
								+ pubsub + "/" + topic + ": HTTP " + status + " " + DaprSidecar.brief(response.getBody()), null);
					}
					return null;
				});
		}
		catch (RestClientException ex) {
			throw new TransportUnavailable("Dapr sidecar at " + sidecar.properties().httpEndpoint()
					+ " could not be reached or did not answer in time; " + event.type() + " " + event.id()
					+ " stays in the outbox: " + ex.getMostSpecificCause(), ex, true);
		}
	}

	/** The sidecar answers its outbound health check: the app may call it again. */
	@Override
	public boolean isReachable() {
		return sidecar.outboundHealth().ready();
	}

}
