package dev.taskflow.web.live;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.accounts.Credential;
import dev.taskflow.support.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A client that hangs up while its stream is being opened: the headers cannot go out. That is routine
 * (a tab closed at the wrong moment), so it is no error for the handler to report, and it must not keep
 * the place the stream had reserved under the limits.
 */
class LiveStreamOpeningTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final LiveStreams streams = new LiveStreams(new LiveProperties(null, null, null, 1, null, null),
			(user, credentials) -> Set.of(), meters, new MovableClock());

	@AfterEach
	void stop() {
		streams.stop();
	}

	@Test
	void aClientGoneBeforeItsHeadersLeavesNothingBehind() {
		streams.start();
		HttpServletResponse hungUp = new HttpServletResponseWrapper(new MockHttpServletResponse()) {
			@Override
			public void flushBuffer() throws IOException {
				throw new IOException("Broken pipe");
			}
		};
		LiveStream.Owner owner = new LiveStream.Owner(UUID.randomUUID(), "10.0.0.1",
				Credential.apiToken(UUID.randomUUID()));

		assertThatNoException().isThrownBy(() -> streams.open(owner, new MockHttpServletRequest(), hungUp));

		assertThat(meters.get("taskflow.live.streams").gauge().value()).isZero();
		assertThat(streams.openStreams(owner.userId())).isZero();
	}
}
