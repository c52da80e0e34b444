package dev.taskflow.web.live;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.taskflow.support.TestUsers.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bounds on open live streams: per client address (429) and in all (503), whoever the users are.
 * One test in an application of its own, since the limits count every stream the application has open.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:live-limits-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.live.max-streams-per-address=2", "taskflow.live.max-streams=3" })
class LiveStreamLimitsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void streamsAreBoundedPerClientAddressAndInAllWithProblemAnswers() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		TestUser cem = TestUsers.signUp(mvc);

		open(ann, "10.0.0.1").andExpect(request().asyncStarted());
		open(bob, "10.0.0.1").andExpect(request().asyncStarted());
		open(cem, "10.0.0.1").andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/too-many-requests"))
			.andExpect(header().exists("Retry-After"));

		open(cem, "10.0.0.2").andExpect(request().asyncStarted());
		open(cem, "10.0.0.3").andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/unavailable"))
			.andExpect(header().exists("Retry-After"));

		// revoking Ann's token ends her stream, which frees a place for the address and in all
		String annsToken = json(mvc.perform(ann.as(get("/api/tokens"))).andReturn()).get(0).get("id").asString();
		mvc.perform(ann.as(delete("/api/tokens/" + annsToken))).andExpect(status().isNoContent());
		open(cem, "10.0.0.1").andExpect(request().asyncStarted());
	}

	private ResultActions open(TestUser user, String address) throws Exception {
		return mvc.perform(user.as(get("/api/stream")).accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}
}
