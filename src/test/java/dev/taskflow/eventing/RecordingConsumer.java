package dev.taskflow.eventing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.taskflow.platform.AfterCommit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A consumer that remembers everything the transport delivers to it, in delivery order. */
public class RecordingConsumer implements EventConsumer {

	public record Received(String topic, EventEnvelope event) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	@Override
	public String name() {
		return "test-recorder";
	}

	@Override
	public String role() {
		return "audit";
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.TASK_EVENTS, Topics.TASK_UPDATES);
	}

	@Override
	public void handle(EventEnvelope event) {
		// the compact task-updates record is the one with a task_version
		String topic = event.data().has("task_version") ? Topics.TASK_UPDATES : Topics.TASK_EVENTS;
		AfterCommit.run(() -> received.add(new Received(topic, event)));
	}

	public List<EventEnvelope> of(String topic, long taskId) {
		return received.stream()
			.filter(r -> r.topic().equals(topic) && r.event().data().path("task_id").asLong() == taskId)
			.map(Received::event)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		RecordingConsumer recordingConsumer() {
			return new RecordingConsumer();
		}
	}
}
