package dev.taskflow.web.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.taskflow.support.EventStreamClient;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bounds on open live streams: per client address (429) and in all (503), whoever the users are.
 * One test in an application of its own, since the limits count every stream the application has open.
 * Over real HTTP, behind a trusted proxy (the test's own client), which names the client address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:live-limits-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"server.forward-headers-strategy=native", "taskflow.live.max-streams-per-address=2",
		"taskflow.live.max-streams=3" })
class LiveStreamLimitsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<EventStreamClient> open = new ArrayList<>();

	@AfterEach
	void hangUp() {
		open.forEach(EventStreamClient::close);
	}

	@Test
	void streamsAreBoundedPerClientAddressAndInAllWithProblemAnswers() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		TestUser cem = TestUsers.signUp(mvc);

		EventStreamClient annsStream = opened(ann, "10.0.0.1");
		opened(bob, "10.0.0.1");
		assertRefused(cem, "10.0.0.1", 429, "https://taskflow.dev/problems/too-many-requests");

		opened(cem, "10.0.0.2");
		assertRefused(cem, "10.0.0.3", 503, "https://taskflow.dev/problems/unavailable");

		// revoking Ann's token ends her stream, which frees a place for the address and in all
		String annsToken = json(mvc.perform(ann.as(get("/api/tokens"))).andReturn()).get(0).get("id").asString();
		mvc.perform(ann.as(delete("/api/tokens/" + annsToken))).andExpect(status().isNoContent());
		await().until(annsStream::ended);
		opened(cem, "10.0.0.1");
	}

	private EventStreamClient opened(TestUser user, String address) throws Exception {
		EventStreamClient stream = EventStreamClient.open(http, request(user, address));
		open.add(stream);
		assertThat(stream.response().statusCode()).isEqualTo(200);
		await().until(() -> stream.comments().contains("connected"));
		return stream;
	}

	private void assertRefused(TestUser user, String address, int status, String type) throws Exception {
		HttpResponse<String> refused = http.send(request(user, address), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(status);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo(type);
	}

	private HttpRequest request(TestUser user, String address) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
			.header("Accept", "text/event-stream, application/problem+json")
			.header("Authorization", "Bearer " + user.token())
			.header("X-Forwarded-For", address)
			.GET()
			.build();
	}
}
