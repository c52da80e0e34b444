package dev.taskflow.eventing.internal.dapr;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.Topics;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes the sidecar calls for pub/sub: the programmatic subscriptions of the consumers this
 * process runs ({@code TASKFLOW_ROLES}), and one delivery route per topic. A delivery is always
 * answered 200 with Dapr's status: SUCCESS (processed, or a duplicate), DROP (it can never be
 * processed; Dapr dead-letters it) or RETRY (a passing failure such as the database).
 */
@RestController
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSubscriptionController {

	private static final Logger log = LoggerFactory.getLogger(DaprSubscriptionController.class);

	static final String ROUTE_PREFIX = "/dapr/";

	private final ConsumerInvoker consumers;

	private final DaprProperties properties;

	private final JsonMapper json;

	private final DeadLetterReplay replay;

	DaprSubscriptionController(ConsumerInvoker consumers, DaprProperties properties, JsonMapper json,
			DeadLetterReplay replay) {
		this.consumers = consumers;
		this.properties = properties;
		this.json = json;
		this.replay = replay;
	}

	/** One programmatic subscription; field names as Dapr reads them (not our snake_case). */
	record Subscription(@JsonProperty("pubsubname") String pubsubName, @JsonProperty("topic") String topic,
			@JsonProperty("route") String route,
			@JsonProperty("deadLetterTopic") @JsonInclude(JsonInclude.Include.NON_NULL) String deadLetterTopic,
			@JsonProperty("metadata") Map<String, String> metadata) {
	}

	enum Status {
		SUCCESS, RETRY, DROP
	}

	record Answer(@JsonProperty("status") Status status) {
	}

	@GetMapping(path = "/dapr/subscribe", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Subscription> subscriptions() {
		return Stream.concat(Topics.ALL.stream()
			.filter(topic -> !consumers.consumersOf(topic).isEmpty())
			.map(topic -> new Subscription(properties.pubsubName(), topic, ROUTE_PREFIX + topic,
					Topics.deadLetterTopic(topic), Map.of())), replay.subscriptions().stream())
			.toList();
	}

	@PostMapping(path = "/dapr/{topic}", consumes = { EventEnvelope.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	Answer deliver(@PathVariable String topic, @RequestBody(required = false) byte[] body) {
		List<EventConsumer> subscribers = consumers.consumersOf(topic);
		if (subscribers.isEmpty()) {
			log.warn("Dropped an event on topic '{}': no consumer of it runs in this process (TASKFLOW_ROLES)",
					printable(topic));
			return new Answer(Status.DROP);
		}
		EventEnvelope event;
		try {
			event = EventEnvelope.fromJson(parse(body));
		}
		catch (MalformedEvent ex) {
			log.warn("Dropped an event on topic '{}': not a CloudEvent of ours ({})", topic, ex.getMessage());
			return new Answer(Status.DROP);
		}
		Status outcome = Status.SUCCESS;
		for (EventConsumer consumer : subscribers) {
			outcome = worse(outcome, deliver(consumer, topic, event));
		}
		return new Answer(outcome);
	}

	private Status deliver(EventConsumer consumer, String topic, EventEnvelope event) {
		try {
			if (!consumers.deliver(consumer, event)) {
				log.debug("{} {} was already processed by {}", event.type(), event.id(), consumer.name());
			}
			return Status.SUCCESS;
		}
		catch (MalformedEvent ex) {
			log.warn("Dropped {} {} on topic '{}' for {}: {}", event.type(), event.id(), topic, consumer.name(),
					ex.getMessage());
			return Status.DROP;
		}
		catch (RuntimeException ex) {
			log.warn("{} could not process {} {} on topic '{}', asking Dapr to redeliver it: {}", consumer.name(),
					event.type(), event.id(), topic, ex.toString());
			log.debug("Failure of {} on {}", consumer.name(), event.id(), ex);
			return Status.RETRY;
		}
	}

	private JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw new MalformedEvent("the body is empty");
		}
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedEvent("the body is not JSON");
		}
	}

	/** The topic comes from the URL: keep line breaks and the like out of the log. */
	private static String printable(String topic) {
		return topic.replaceAll("[^A-Za-z0-9._-]", "?");
	}

	/** A retry helps the consumers that failed for a passing reason; the others dedupe or drop again. */
	private static Status worse(Status a, Status b) {
		if (a == Status.RETRY || b == Status.RETRY) {
			return Status.RETRY;
		}
		return a == Status.DROP || b == Status.DROP ? Status.DROP : Status.SUCCESS;
	}
}
