package dev.taskflow.assistant;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/chat} pages by keyset, on each database (the cursor compares a timestamp and a UUID in SQL). */
abstract class ConversationListContract {

	@Autowired
	MockMvc mvc;

	/** The list stopped at 100 conversations with no way to the rest. */
	@Test
	void conversationsArePagedWithALinkToTheNextPage() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		List<String> started = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			started.add(0, startConversation(ann, "hello " + i));
		}
		List<String> listed = new ArrayList<>();
		String next = "/api/chat?limit=2";
		int pages = 0;
		while (next != null) {
			var page = mvc.perform(ann.as(get(URI.create(next)))).andExpect(status().isOk()).andReturn();
			json(page).valueStream().forEach(item -> listed.add(item.get("id").asString()));
			String link = page.getResponse().getHeader("Link");
			next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
			assertThat(link == null || link.endsWith(">; rel=\"next\"")).isTrue();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(listed).isEqualTo(started);
		mvc.perform(ann.as(get("/api/chat"))).andExpect(header().doesNotExist("Link")).andExpect(jsonPath("$.length()").value(5));

		mvc.perform(ann.as(get("/api/chat").param("cursor", "not-ours")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		mvc.perform(ann.as(get("/api/chat").param("limit", "0")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	private String startConversation(TestUser user, String message) throws Exception {
		return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + message + "\"}")).andExpect(status().isOk()).andReturn()).get("conversation_id").asString();
	}
}
