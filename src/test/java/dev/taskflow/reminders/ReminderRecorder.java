package dev.taskflow.reminders;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.taskflow.platform.AfterCommit;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.Outbox;
import dev.taskflow.eventing.OutgoingEvent;
import dev.taskflow.eventing.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records {@code reminder.due} twice over: every publication (each claim that put an event in the
 * outbox, in the claiming transaction) and every delivery to a consumer of the {@code reminders} topic. A
 * reminder claimed twice would show as two publications, even though its repeat carries the same
 * event id and the inbox would keep it from a consumer.
 */
public class ReminderRecorder implements EventConsumer {

	private final List<EventEnvelope> published = new CopyOnWriteArrayList<>();

	private final List<EventEnvelope> delivered = new CopyOnWriteArrayList<>();

	@Override
	public String name() {
		return "test-reminder-recorder";
	}

	@Override
	public String role() {
		return "notifications";
	}

	@Override
	public Set<String> topics() {
		return Set.of(Topics.REMINDERS);
	}

	@Override
	public void handle(EventEnvelope event) {
		AfterCommit.run(() -> delivered.add(event));
	}

	void recordPublished(OutgoingEvent event) {
		event.messages()
			.stream()
			.filter(message -> message.topic().equals(Topics.REMINDERS))
			.forEach(message -> published.add(message.envelope()));
	}

	public List<EventEnvelope> published(long taskId) {
		return published.stream().filter(event -> event.data().path("task_id").asLong() == taskId).toList();
	}

	public List<EventEnvelope> delivered(long taskId) {
		return delivered.stream().filter(event -> event.data().path("task_id").asLong() == taskId).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		ReminderRecorder reminderRecorder() {
			return new ReminderRecorder();
		}

		/** Sees every event put in the outbox, before it reaches the transport. */
		@Bean
		static BeanPostProcessor recordingOutbox(ObjectProvider<ReminderRecorder> recorder) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof Outbox outbox)) {
						return bean;
					}
					return (Outbox) event -> {
						outbox.publish(event);
						recorder.getObject().recordPublished(event);
					};
				}
			};
		}
	}
}
