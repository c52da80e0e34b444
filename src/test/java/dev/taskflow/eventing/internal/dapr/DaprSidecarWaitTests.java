package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up waits for the sidecar, but not forever. */
class DaprSidecarWaitTests {

	private final SidecarStandIn sidecar = new SidecarStandIn();

	@AfterEach
	void stopSidecar() {
		sidecar.close();
	}

	@Test
	void startUpGoesOnAsSoonAsTheSidecarCanBeCalled() {
		boolean ready = waitFor(Duration.ofSeconds(30));

		assertThat(ready).isTrue();
		assertThat(sidecar.requests()).extracting(SidecarStandIn.Request::path).containsExactly("/v1.0/healthz/outbound");
	}

	@Test
	void startUpGoesOnWithoutASidecarThatIsStillStartingAfterTheWait() {
		sidecar.answerHealthChecksWith(500);

		long start = System.nanoTime();
		boolean ready = waitFor(Duration.ofMillis(1500));

		assertThat(ready).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
		assertThat(sidecar.requests()).hasSizeGreaterThan(1);
	}

	@Test
	void startUpGoesOnWithoutASidecarThatIsNotThereAfterTheWait() {
		sidecar.becomeUnreachable();

		long start = System.nanoTime();
		boolean ready = waitFor(Duration.ofMillis(1500));

		assertThat(ready).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
	}

	@Test
	void aSidecarThatComesUpDuringTheWaitEndsIt() throws Exception {
		sidecar.answerHealthChecksWith(500);
		Thread recovery = new Thread(() -> {
			org.awaitility.Awaitility.await().until(() -> sidecar.requests().size() >= 2);
			sidecar.recover();
		});
		recovery.start();

		boolean ready = waitFor(Duration.ofSeconds(30));

		recovery.join();
		assertThat(ready).isTrue();
	}

	private boolean waitFor(Duration limit) {
		DaprProperties properties = new DaprProperties(URI.create(sidecar.endpoint()), null, null, null, null, null,
				null, limit, Duration.ofMillis(500), Duration.ofMillis(500));
		return new DaprSidecarWait(new DaprSidecar(properties)).awaitSidecar();
	}
}
