package dev.taskflow.tasks.web;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/views}: a person's saved views of the task list. */
@TaskFlowTest
class SavedViewApiTests {

	@Autowired
	MockMvc mvc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void aSavedViewIsListedWithItsFiltersAndPageAndCanBeDeleted() throws Exception {
		String id = TestUsers.json(create(ann, """
				{"name": "Urgent work", "filters": {"tag": "work", "priority": "high,medium", "view": "upcoming"}}""")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/views/")))
			.andExpect(jsonPath("$.name").value("Urgent work"))
			.andExpect(jsonPath("$.filters.tag").value("work"))
			.andExpect(jsonPath("$.filters.priority").value("high,medium"))
			.andExpect(jsonPath("$.url").value("/tasks?view=upcoming&tag=work&priority=high%2Cmedium"))
			.andReturn()).get("id").asString();

		mvc.perform(ann.as(get("/api/views")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(Long.parseLong(id)));

		mvc.perform(ann.as(delete("/api/views/" + id))).andExpect(status().isNoContent());
		mvc.perform(ann.as(get("/api/views"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(ann.as(delete("/api/views/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void everyProblemWithAViewIsExplained() throws Exception {
		create(ann, """
				{"name": " ", "filters": {"colour": "red", "view": "tomorrow"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'filters.colour')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'filters.view')]").exists());
		create(ann, """
				{"name": "Odd", "filters": {"priority": "urgent", "due_from": "soon"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'filters.priority')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'filters.due_from')]").exists());
		create(ann, "{\"name\": \"" + "x".repeat(61) + "\"}").andExpect(status().isBadRequest());
		create(ann, "{\"name\": \"Long search\", \"filters\": {\"q\": \"" + "word ".repeat(250) + "\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filters"));
		mvc.perform(ann.as(get("/api/views"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	/** An emoji is one character, though Java and H2 count two UTF-16 units. */
	@Test
	void aNameOf60EmojiIsWithinTheLimit() throws Exception {
		String name = "🌱".repeat(60);
		create(ann, "{\"name\": \"" + name + "\", \"filters\": {\"tag\": \"garden\"}}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(name));
		create(ann, "{\"name\": \"" + name + "🌱\", \"filters\": {\"tag\": \"garden\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 60 characters"));
	}

	/** As the task API's fields do: a number is not quietly turned into the text it would be. */
	@Test
	void aNameOrFilterThatIsNotAStringIsRefused() throws Exception {
		create(ann, "{\"name\": \"Numbers\", \"filters\": {\"q\": 5}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filters.q"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a string"));
		create(ann, "{\"name\": true, \"filters\": {\"q\": \"5\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a string"));
		mvc.perform(ann.as(get("/api/views"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void aNameIsUsedOncePerPerson() throws Exception {
		create(ann, "{\"name\": \"Home\", \"filters\": {\"tag\": \"home\"}}").andExpect(status().isCreated());
		create(ann, "{\"name\": \"home\", \"filters\": {\"tag\": \"garden\"}}").andExpect(status().isConflict());

		TestUser bob = TestUsers.signUp(mvc);
		create(bob, "{\"name\": \"Home\", \"filters\": {\"tag\": \"home\"}}").andExpect(status().isCreated());
	}

	@Test
	void oneUsersViewsAreNeitherShownToNorDeletableByAnother() throws Exception {
		String id = TestUsers.json(create(ann, "{\"name\": \"Secret\", \"filters\": {\"q\": \"plan\"}}")
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		TestUser bob = TestUsers.signUp(mvc);

		mvc.perform(bob.as(get("/api/views"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(bob.as(delete("/api/views/" + id))).andExpect(status().isNotFound());
		mvc.perform(ann.as(get("/api/views"))).andExpect(jsonPath("$.items", hasSize(1)));
	}

	private ResultActions create(TestUser user, String json) throws Exception {
		return mvc.perform(user.as(post("/api/views")).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
