package dev.taskflow.web.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.taskflow.support.EventStreamClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that open a stream and then stop reading it, as a sleeping laptop or a hostile script does,
 * while their user's tasks keep changing: the server's socket buffers fill up. Such a client must not
 * hold a thread that other users' updates need, and its stream is closed so its place is freed.
 * Tomcat would fail a blocked write only after its connection time-out, set to ten minutes here so that
 * waiting for it cannot pass a test, and its sockets' send buffers are fixed at 8 KB, so that a megabyte
 * fills what Linux would otherwise let grow to 4 MB a connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:live-stalled-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"server.tomcat.connection-timeout=10m", "taskflow.live.heartbeat=500ms" })
class StalledLiveClientTests {

	/** Large events fill the buffers sooner; a description is at most 10,000 characters. */
	private static final String LONG_DESCRIPTION = "x".repeat(9_000);

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	LiveStreams streams;

	@Autowired
	MeterRegistry meters;

	private final List<AutoCloseable> clients = new ArrayList<>();

	@AfterEach
	void hangUp() throws Exception {
		for (AutoCloseable client : clients) {
			client.close();
		}
	}

	@Test
	void clientsThatStopReadingHoldUpNobodyElsesUpdates() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		for (int i = 0; i < 6; i++) {
			openWithoutReading(ann);
		}
		await().until(() -> streams.openStreams(UUID.fromString(ann.id())) == 6);
		EventStreamClient bobsStream = EventStreamClient.open(HttpClient.newHttpClient(),
				"http://localhost:" + port + "/api/stream", bob.token());
		clients.add(bobsStream);
		await().until(() -> bobsStream.comments().contains("connected"));

		changeManyTasks(ann);
		bob.createTask(mvc, "{\"title\":\"Bob's own task\"}");

		await().until(() -> bobsStream.events("task.created").size() == 1);
	}

	@Test
	void aStreamWhoseClientStopsReadingIsClosedAndItsPlaceFreed() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		double closedBefore = closedForNotReading();
		openWithoutReading(ann);
		openWithoutReading(ann);
		await().until(() -> streams.openStreams(UUID.fromString(ann.id())) == 2);
		assertThat(meters.get("taskflow.live.streams").gauge().value()).isGreaterThanOrEqualTo(2);

		changeManyTasks(ann);

		await().until(() -> streams.openStreams(UUID.fromString(ann.id())) == 0);
		// what an operator sees (other tests' streams may add to it)
		await().until(() -> closedForNotReading() >= closedBefore + 2);
	}

	private double closedForNotReading() {
		return meters.find("taskflow.live.streams.closed").counters().stream().mapToDouble(Counter::count).sum();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSendBuffers {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
			return factory -> factory.addConnectorCustomizers(
					connector -> connector.setProperty("socket.txBufSize", "8192"));
		}
	}

	/** Enough large task events to fill what a connection that is not read can buffer. */
	private void changeManyTasks(TestUser user) throws Exception {
		for (int i = 0; i < 150; i++) {
			user.createTask(mvc, "{\"title\":\"Task " + i + "\",\"description\":\"" + LONG_DESCRIPTION + "\"}");
		}
	}

	/** Sends the request for a stream over a socket with a small receive window, and never reads. */
	private void openWithoutReading(TestUser user) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("localhost", port));
		clients.add(socket);
		String request = "GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
				+ "Authorization: Bearer " + user.token() + "\r\n\r\n";
		socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}
}
