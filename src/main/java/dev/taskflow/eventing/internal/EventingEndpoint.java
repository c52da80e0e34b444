package dev.taskflow.eventing.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.taskflow.eventing.internal.embedded.Delivery;
import dev.taskflow.eventing.internal.embedded.DeliveryQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/eventing} for operators: what the outbox still has to publish (and why it
 * failed), the embedded transport's dead letters, and buttons to resubmit and replay them.
 * <ul>
 * <li>{@code GET /actuator/eventing}</li>
 * <li>{@code POST /actuator/eventing/resubmit}: publish every incomplete publication now</li>
 * <li>{@code POST /actuator/eventing/replay} (optional {@code {"id": 42}}): dead letters back into the queue</li>
 * </ul>
 */
@Component
@Endpoint(id = "eventing")
class EventingEndpoint {

	private static final int LISTED = 50;

	private final EventPublicationRepository publications;

	private final IncompleteEventPublications incomplete;

	private final ObjectProvider<DeliveryQueue> embeddedQueue;

	private final EventingProperties properties;

	EventingEndpoint(EventPublicationRepository publications, IncompleteEventPublications incomplete,
			ObjectProvider<DeliveryQueue> embeddedQueue, EventingProperties properties) {
		this.publications = publications;
		this.incomplete = incomplete;
		this.embeddedQueue = embeddedQueue;
		this.properties = properties;
	}

	record PublicationView(UUID id, String eventType, String listener, Instant publishedAt, String status,
			int attempts, Instant lastResubmittedAt) {

		static PublicationView of(TargetEventPublication publication) {
			return new PublicationView(publication.getIdentifier(), publication.getEvent().getClass().getSimpleName(),
					publication.getTargetIdentifier().getValue(), publication.getPublicationDate(),
					String.valueOf(publication.getStatus()), publication.getCompletionAttempts(),
					publication.getLastResubmissionDate());
		}
	}

	record DeadLetterView(long id, String consumer, String topic, String partitionKey, UUID eventId, String eventType,
			int attempts, String lastError, Instant queuedAt) {

		static DeadLetterView of(Delivery delivery) {
			return new DeadLetterView(delivery.id(), delivery.consumer(), delivery.topic(), delivery.partitionKey(),
					delivery.eventId(), delivery.eventType(), delivery.attempts(), delivery.lastError(),
					delivery.createdAt());
		}
	}

	@ReadOperation
	Map<String, Object> status() {
		List<TargetEventPublication> pending = publications.findIncompletePublications();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("transport", properties.transport().name().toLowerCase());
		status.put("roles", properties.roles());
		status.put("incomplete_publications", pending.size());
		status.put("publications", pending.stream()
			.sorted(Comparator.comparing(TargetEventPublication::getPublicationDate))
			.limit(LISTED)
			.map(PublicationView::of)
			.toList());
		DeliveryQueue queue = embeddedQueue.getIfAvailable();
		if (queue != null) {
			status.put("pending_deliveries", queue.countByStatus(DeliveryQueue.PENDING));
			status.put("dead_letter_count", queue.countByStatus(DeliveryQueue.DEAD));
			status.put("dead_letters", queue.deadLetters(LISTED).stream().map(DeadLetterView::of).toList());
		}
		return status;
	}

	@WriteOperation
	Map<String, Object> act(@Selector String action, @Nullable Long id) {
		return switch (action) {
			case "resubmit" -> {
				int count = publications.findIncompletePublications().size();
				incomplete.resubmitIncompletePublications(publication -> true);
				yield Map.of("resubmitted", count);
			}
			case "replay" -> {
				DeliveryQueue queue = embeddedQueue.getIfAvailable();
				yield Map.of("replayed", queue == null ? 0 : queue.replay(id));
			}
			// the actuator's own "bad request": an IllegalArgumentException was a 500 with a stack trace
			default -> {
				String refusal = "Unknown action '" + action + "': use resubmit or replay";
				throw new InvalidEndpointRequestException(refusal, refusal);
			}
		};
	}
}
