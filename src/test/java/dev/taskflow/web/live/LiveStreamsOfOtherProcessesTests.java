package dev.taskflow.web.live;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.taskflow.support.EventStreamClient;
import dev.taskflow.support.FormBrowser;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ends a stream in another process reaches this one through the database only: a password changed,
 * or a token revoked, on another replica publishes its events there. Each heartbeat checks every stream's
 * credential, as each request of a session is checked. Here "another replica" writes the database
 * directly, so no event of the change reaches this process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:live-replicas-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.live.heartbeat=200ms" })
class LiveStreamsOfOtherProcessesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LiveStreams streams;

	private final List<EventStreamClient> clients = new ArrayList<>();

	@AfterEach
	void hangUp() {
		clients.forEach(EventStreamClient::close);
	}

	@Test
	void aPasswordChangedElsewhereEndsTheSessionsStreamsWithinAHeartbeatAndNotTheTokens() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventStreamClient session = connect(FormBrowser.signedIn(port, ann));
		EventStreamClient script = connect(ann);

		jdbc.sql("update users set password_hash = :hash where id = :id")
			.param("hash", "{noop}changed on another replica")
			.param("id", UUID.fromString(ann.id()))
			.update();

		await().until(session::ended);
		assertThat(script.ended()).isFalse();
		assertThat(streams.openStreams(UUID.fromString(ann.id()))).isOne();
	}

	@Test
	void aTokenRevokedElsewhereEndsItsStreamsWithinAHeartbeat() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventStreamClient session = connect(FormBrowser.signedIn(port, ann));
		EventStreamClient script = connect(ann);

		jdbc.sql("delete from api_tokens where user_id = :id").param("id", UUID.fromString(ann.id())).update();

		await().until(script::ended);
		assertThat(session.ended()).isFalse();
	}

	@Test
	void theSessionThatChangedThePasswordKeepsItsStreamThroughLaterHeartbeats() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		FormBrowser laptop = FormBrowser.signedIn(port, ann);
		EventStreamClient stream = connect(laptop);

		laptop.submit("/account", "/account/password", "currentPassword", TestUsers.PASSWORD, "newPassword",
				"another fine passphrase");

		int beatsBefore = keepAlives(stream);
		await().until(() -> keepAlives(stream) >= beatsBefore + 3);
		assertThat(stream.ended()).isFalse();
	}

	private static int keepAlives(EventStreamClient stream) {
		return (int) stream.comments().stream().filter("keep-alive"::equals).count();
	}

	private EventStreamClient connect(FormBrowser browser) throws Exception {
		return connected(EventStreamClient.open(browser.http(),
				browser.request("/api/stream").header("Accept", "text/event-stream").GET().build()));
	}

	private EventStreamClient connect(TestUser user) throws Exception {
		return connected(EventStreamClient.open(HttpClient.newHttpClient(), "http://localhost:" + port + "/api/stream",
				user.token()));
	}

	/** Waits for the greeting, after which the stream receives everything. */
	private EventStreamClient connected(EventStreamClient client) {
		clients.add(client);
		assertThat(client.response().statusCode()).isEqualTo(200);
		await().until(() -> client.comments().contains("connected"));
		return client;
	}
}
