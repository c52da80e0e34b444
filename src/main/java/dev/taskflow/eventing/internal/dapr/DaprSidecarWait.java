package dev.taskflow.eventing.internal.dapr;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Waits at start-up, for at most {@code taskflow.dapr.sidecar-wait}, until the sidecar answers
 * {@code /v1.0/healthz/outbound} (what the Dapr SDKs wait for). It runs after the web server has
 * started, so the sidecar can already reach the app, while readiness still refuses traffic. If the
 * sidecar does not come, the app starts anyway: events wait in the outbox and readiness stays DOWN
 * (see {@link DaprSidecarHealthIndicator}) until it is there.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSidecarWait implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DaprSidecarWait.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	private final DaprSidecar sidecar;

	DaprSidecarWait(DaprSidecar sidecar) {
		this.sidecar = sidecar;
	}

	@Override
	public void run(ApplicationArguments args) {
		awaitSidecar();
	}

	/** True if the sidecar answered in time. */
	boolean awaitSidecar() {
		Duration limit = sidecar.properties().sidecarWait();
		long start = System.nanoTime();
		long nextReport = REPORT_EVERY.toNanos();
		while (true) {
			DaprSidecar.Probe probe = sidecar.outboundHealth();
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (probe.ready()) {
				log.info("Dapr sidecar at {} is ready (waited {} ms)", sidecar.properties().httpEndpoint(),
						waited.toMillis());
				return true;
			}
			if (waited.compareTo(limit) >= 0) {
				log.warn("Dapr sidecar at {} is not ready after {} s (last answer: {}); starting without it. Events "
						+ "stay in the outbox and readiness stays DOWN until it answers.",
						sidecar.properties().httpEndpoint(), limit.toSeconds(), probe.answer());
				return false;
			}
			if (waited.toNanos() >= nextReport) {
				log.info("Waiting for the Dapr sidecar at {} ({} of {} s, last answer: {})",
						sidecar.properties().httpEndpoint(), waited.toSeconds(), limit.toSeconds(), probe.answer());
				nextReport += REPORT_EVERY.toNanos();
			}
			if (!pause(min(POLL, limit.minus(waited)))) {
				return false;
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
