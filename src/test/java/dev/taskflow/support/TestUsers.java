package dev.taskflow.support;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signs up fresh users through the public API, each with a personal API token. */
public final class TestUsers {

	public static final String PASSWORD = "a long enough passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestUsers() {
	}

	/** A signed-up user and a Bearer token for them. */
	public record TestUser(String id, String email, String token) {

		public MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
			return request.header("Authorization", "Bearer " + token);
		}

		/** Creates a task of this user through the API ({@code body}: the task's JSON); its id. */
		public long createTask(MockMvc mvc, String body) throws Exception {
			return json(mvc.perform(as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated())
				.andReturn()).get("id").asLong();
		}
	}

	public static TestUser signUp(MockMvc mvc) throws Exception {
		return signUp(mvc, "UTC");
	}

	public static TestUser signUp(MockMvc mvc, String timeZone) throws Exception {
		String email = newEmail();
		MvcResult account = mvc
			.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"time_zone\":\"" + timeZone
						+ "\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		MvcResult token = mvc
			.perform(post("/api/tokens").with(httpBasic(email, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"tests\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		return new TestUser(json(account).get("id").asString(), email, json(token).get("token").asString());
	}

	/** An e-mail address nobody has signed up with yet. */
	public static String newEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	/** A request from the client address {@code address} (the throttles count per address). */
	public static RequestPostProcessor fromAddress(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	public static JsonNode json(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString());
	}
}
