package dev.taskflow.eventing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.taskflow.eventing.internal.EventTransport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A transport that can be switched off, standing in for a broker that is down (unreachable: no answer,
 * as a stopped sidecar). While it is up it
 * records what the relay hands it, in order; it can also be made slow. State is static so it survives an application restart.
 */
public class SwitchableTransport implements EventTransport {

	public record Published(String topic, EventEnvelope event) {
	}

	static final List<Published> PUBLISHED = new CopyOnWriteArrayList<>();

	static volatile boolean down;

	static volatile int refused;

	/** While set, a publish waits until it opens (for at most 30 s), as on a slow broker. */
	static volatile CountDownLatch gate;

	@Override
	public void publish(String topic, EventEnvelope event) {
		CountDownLatch waitFor = gate;
		if (waitFor != null) {
			try {
				waitFor.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (down) {
			refused++;
			throw new TransportUnavailable("broker is down (test)", null, true);
		}
		PUBLISHED.add(new Published(topic, event));
	}

	@Override
	public boolean isReachable() {
		return !down;
	}

	static List<EventEnvelope> taskEvents(long taskId) {
		return PUBLISHED.stream()
			.filter(p -> p.topic().equals(Topics.TASK_EVENTS) && p.event().data().path("task_id").asLong() == taskId)
			.map(Published::event)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		SwitchableTransport switchableTransport() {
			return new SwitchableTransport();
		}
	}
}
