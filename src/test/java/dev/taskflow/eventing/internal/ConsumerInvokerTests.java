package dev.taskflow.eventing.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The net under consumers that read a body with Jackson's own readers: what Jackson cannot read in it
 * is malformed (dropped, dead-lettered at once), not a passing failure retried for hours.
 */
class ConsumerInvokerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aJacksonFailureWhileReadingTheBodyIsMalformed() {
		EventEnvelope event = taskEvent("abc");

		assertThatThrownBy(() -> invoker().deliver(consumer(e -> e.data().get("task_id").asLong()), event))
			.isInstanceOf(MalformedEvent.class)
			.hasMessageStartingWith("the body cannot be read: ")
			.hasCauseInstanceOf(JsonNodeException.class);
	}

	@Test
	void otherFailuresStayWhatTheyAreForTheTransportToRetry() {
		EventEnvelope event = taskEvent("42");
		IllegalStateException databaseAway = new IllegalStateException("the database is out of reach");
		JacksonIOException streamBroken = JacksonIOException.construct(new IOException("connection reset"));

		assertThatThrownBy(() -> invoker().deliver(consumer(e -> {
			throw databaseAway;
		}), event)).isSameAs(databaseAway);
		assertThatThrownBy(() -> invoker().deliver(consumer(e -> {
			throw streamBroken;
		}), event)).isSameAs(streamBroken);
	}

	private static ConsumerInvoker invoker() {
		Inbox inbox = mock(Inbox.class);
		when(inbox.firstDelivery(anyString(), any())).thenReturn(true);
		return new ConsumerInvoker(List.of(), new EventingProperties(null, null, null, null, null), inbox,
				new TransactionTemplate(mock(PlatformTransactionManager.class)));
	}

	private static EventConsumer consumer(Consumer<EventEnvelope> handle) {
		return new EventConsumer() {

			@Override
			public String name() {
				return "reader";
			}

			@Override
			public String role() {
				return "audit";
			}

			@Override
			public Set<String> topics() {
				return Set.of("task-events");
			}

			@Override
			public void handle(EventEnvelope event) {
				handle.accept(event);
			}
		};
	}

	private static EventEnvelope taskEvent(String taskId) {
		UUID id = UUID.randomUUID();
		ObjectNode data = JSON.createObjectNode();
		data.put("task_id", taskId);
		return new EventEnvelope(id, "/taskflow/tasks", "task.created", Instant.now(), "42", "42", null, data);
	}
}
