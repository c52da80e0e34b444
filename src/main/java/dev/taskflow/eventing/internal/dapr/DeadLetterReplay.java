package dev.taskflow.eventing.internal.dapr;

import java.util.List;
import java.util.Map;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.Roles;
import dev.taskflow.eventing.Topics;
import dev.taskflow.eventing.internal.EventTransport;
import dev.taskflow.eventing.internal.dapr.DaprSubscriptionController.Answer;
import dev.taskflow.eventing.internal.dapr.DaprSubscriptionController.Status;
import dev.taskflow.eventing.internal.dapr.DaprSubscriptionController.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code replay} role: subscribes to every dead-letter topic ({@code <topic>-dlq}) and publishes
 * each dead letter, unchanged, to its topic again. The event keeps its id, so consumers that did
 * handle it before skip it (inbox); the others get it as if for the first time. Each dead letter is
 * replayed once per app id, as the sidecar commits the consumer group's offset on SUCCESS.
 */
@RestController
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DeadLetterReplay {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

	static final String ROUTE_PREFIX = "/dapr/replay/";

	private final Roles roles;

	private final DaprProperties properties;

	private final EventTransport transport;

	private final JsonMapper json;

	DeadLetterReplay(Roles roles, DaprProperties properties, EventTransport transport, JsonMapper json) {
		this.roles = roles;
		this.properties = properties;
		this.transport = transport;
		this.json = json;
	}

	/** One subscription per dead-letter topic, without a dead-letter topic of its own. */
	List<Subscription> subscriptions() {
		if (!roles.runs(Roles.REPLAY)) {
			return List.of();
		}
		return Topics.ALL.stream()
			.map(topic -> new Subscription(properties.pubsubName(), Topics.deadLetterTopic(topic), ROUTE_PREFIX + topic,
					null, Map.of()))
			.toList();
	}

	@PostMapping(path = ROUTE_PREFIX + "{topic}",
			consumes = { EventEnvelope.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	Answer replay(@PathVariable String topic, @RequestBody(required = false) byte[] body) {
		if (!roles.runs(Roles.REPLAY) || !Topics.ALL.contains(topic)) {
			log.warn("Dropped a dead letter for topic '{}': this process does not replay it (TASKFLOW_ROLES)",
					topic.replaceAll("[^A-Za-z0-9._-]", "?"));
			return new Answer(Status.DROP);
		}
		EventEnvelope event;
		try {
			if (body == null || body.length == 0) {
				throw new MalformedEvent("the body is empty");
			}
			event = EventEnvelope.fromJson(json.readTree(body));
		}
		catch (MalformedEvent | JacksonException ex) {
			log.warn("Left a dead letter of '{}' where it is: not a CloudEvent of ours ({})", topic, ex.getMessage());
			return new Answer(Status.DROP);
		}
		try {
			transport.publish(topic, event);
		}
		catch (EventTransport.TransportUnavailable ex) {
			log.warn("Could not replay {} {} to '{}' yet: {}", event.type(), event.id(), topic, ex.getMessage());
			return new Answer(Status.RETRY);
		}
		log.info("Replayed {} {} from '{}' to '{}'", event.type(), event.id(), Topics.deadLetterTopic(topic), topic);
		return new Answer(Status.SUCCESS);
	}
}
