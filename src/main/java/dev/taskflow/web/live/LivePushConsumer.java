package dev.taskflow.web.live;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.Topics;
import dev.taskflow.platform.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes task changes ({@code task-updates}) and new notifications ({@code notifications}) to the
 * user's open streams in this process, after the inbox entry has committed.
 *
 * Every process must see every event, since each serves its own connections. The inbox deduplicates
 * per consumer name across the shared database, so in the {@code dapr} transport each process
 * consumes under a name of its own (and Dapr must give each replica its own consumer group; see
 * docs/events.md). The embedded transport is one process and keeps one stable name, which its
 * queued deliveries refer to across restarts.
 */
@Component
class LivePushConsumer implements EventConsumer {

	private static final Logger log = LoggerFactory.getLogger(LivePushConsumer.class);

	static final String EMBEDDED_NAME = "web-live";

	private static final Set<String> TYPES = Set.of("notification.created", "task.created", "task.updated",
			"task.completed", "task.reopened", "task.deleted", "task.restored");

	private final LiveStreams streams;

	private final JsonMapper json;

	private final LiveProperties properties;

	private final Clock clock;

	private final String name;

	LivePushConsumer(LiveStreams streams, JsonMapper json, LiveProperties properties, Clock clock,
			@Value("${taskflow.eventing.transport:embedded}") String transport) {
		this.streams = streams;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.name = "embedded".equals(transport.strip().toLowerCase(Locale.ROOT)) ? EMBEDDED_NAME
				: EMBEDDED_NAME + "-" + UUID.randomUUID();
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String role() {
		return "web";
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.TASK_UPDATES, Topics.NOTIFICATIONS);
	}

	@Override
	public void handle(EventEnvelope event) {
		if (!TYPES.contains(event.type())) {
			log.debug("Not pushing {} {}: not a type live views know", event.type(), event.id());
			return;
		}
		if (event.time().isBefore(clock.instant().minus(properties.maxEventAge()))) {
			log.debug("Not pushing {} {} of {}: too old to be news", event.type(), event.id(), event.time());
			return;
		}
		UUID userId = event.body().requiredUuid("user_id");
		String body = json.writeValueAsString(event.data());
		AfterCommit.run(() -> streams.push(userId, event.type(), event.id().toString(), body));
	}
}
