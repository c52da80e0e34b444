package dev.taskflow.reminders;

import java.time.Instant;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reminders in task JSON: what is accepted, what is computed, what is refused. */
@TaskFlowTest
class ReminderApiTests {

	@Autowired
	MockMvc mvc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc, "Europe/Berlin");
	}

	@Test
	void eachReminderShowsWhenItFiresComputedFromTheDueDateForRelativeOnes() throws Exception {
		JsonNode task = json(create("""
				{"title": "Flight", "due_at": "2030-06-01T10:00:00+02:00",
				 "reminders": [{"at": "2030-05-31T18:00:00Z"}, {"before": "PT15M"}, {"before": "P1D"}]}""")
			.andExpect(status().isCreated())
			.andReturn());

		JsonNode reminders = task.get("reminders");
		assertThat(reminders).hasSize(3);
		assertThat(reminders.get(0).get("at").asString()).isEqualTo("2030-05-31T18:00:00Z");
		assertThat(reminders.get(0).has("before")).isFalse();
		assertThat(Instant.parse(reminders.get(0).get("remind_at").asString()))
			.isEqualTo(Instant.parse("2030-05-31T18:00:00Z"));
		assertThat(reminders.get(1).get("before").asString()).isEqualTo("PT15M");
		assertThat(Instant.parse(reminders.get(1).get("remind_at").asString()))
			.isEqualTo(Instant.parse("2030-06-01T07:45:00Z"));
		assertThat(reminders.get(2).get("before").asString()).as("echoed as written, not PT24H").isEqualTo("P1D");
		assertThat(Instant.parse(reminders.get(2).get("remind_at").asString()))
			.isEqualTo(Instant.parse("2030-05-31T08:00:00Z"));
		assertThat(reminders).allSatisfy(reminder -> assertThat(reminder.get("sent").asBoolean()).isFalse());
	}

	@Test
	void aRelativeReminderOfAnAllDayTaskCountsFromTheStartOfTheDayInTheOwnersTimeZone() throws Exception {
		JsonNode task = json(create("{\"title\": \"Birthday\", \"due_at\": \"2030-07-10\", \"reminders\": [{\"before\": \"PT1H\"}]}")
			.andExpect(status().isCreated())
			.andReturn());

		assertThat(Instant.parse(task.at("/reminders/0/remind_at").asString()))
			.isEqualTo(Instant.parse("2030-07-09T21:00:00Z"));
	}

	@Test
	void patchingRemindersReplacesThemAndNullClearsThem() throws Exception {
		long id = json(create("{\"title\": \"Tea\", \"reminders\": [{\"at\": \"2030-01-01T08:00:00Z\"}]}")
			.andExpect(status().isCreated())
			.andReturn()).get("id").asLong();

		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reminders\": [{\"at\": \"2030-01-02T08:00:00Z\"}, {\"at\": \"2030-01-03T08:00:00Z\"}]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminders", hasSize(2)))
			.andExpect(jsonPath("$.reminders[1].at").value("2030-01-03T08:00:00Z"));
		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reminders\": null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminders", hasSize(0)));
	}

	/** ISO 8601 writes weeks on their own (P1W), which java.time's Duration does not read. */
	@Test
	void aLeadTimeInWeeksIsReadAndMonthsAreRefusedSayingWhy() throws Exception {
		JsonNode task = json(create("""
				{"title": "Visa", "due_at": "2030-06-01T10:00:00+02:00", "reminders": [{"before": "P2W"}]}""")
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(task.at("/reminders/0/before").asString()).isEqualTo("P14D");
		assertThat(Instant.parse(task.at("/reminders/0/remind_at").asString()))
			.isEqualTo(Instant.parse("2030-05-18T08:00:00Z"));

		create("{\"title\": \"x\", \"due_at\": \"2030-06-01\", \"reminders\": [{\"before\": \"P1M\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reminders[0].before"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"'P1M' is not a duration TaskFlow reads, such as PT15M, P1D or P1W (months and years have no fixed length)"));
	}

	@Test
	void malformedRemindersAreRefusedWithTheFieldAtFault() throws Exception {
		refused("{\"title\": \"x\", \"reminders\": {\"before\": \"PT15M\"}}", "reminders");
		refused("{\"title\": \"x\", \"reminders\": [\"PT15M\"]}", "reminders[0]");
		refused("{\"title\": \"x\", \"reminders\": [{}]}", "reminders[0]");
		refused("{\"title\": \"x\", \"reminders\": [{\"at\": \"2030-01-01T08:00:00Z\", \"before\": \"PT5M\"}]}",
				"reminders[0]");
		refused("{\"title\": \"x\", \"reminders\": [{\"before\": \"PT5M\"}, {\"at\": \"tomorrow\"}]}", "reminders[1].at");
		refused("{\"title\": \"x\", \"reminders\": [{\"at\": \"2030-01-01T08:00:00\"}]}", "reminders[0].at");
		refused("{\"title\": \"x\", \"reminders\": [{\"before\": \"15 minutes\"}]}", "reminders[0].before");
		refused("{\"title\": \"x\", \"reminders\": [{\"before\": \"-PT15M\"}]}", "reminders[0].before");
		refused("{\"title\": \"x\", \"reminders\": [{\"before\": \"P400D\"}]}", "reminders[0].before");
		refused("{\"title\": \"x\", \"reminders\": [{\"before\": \"PT0.5S\"}]}", "reminders[0].before");
		refused("{\"title\": \"x\", \"reminders\": [{\"before\": \"PT5M\", \"repeat\": true}]}", "reminders[0].repeat");
		String eleven = "[" + "{\"before\": \"PT5M\"},".repeat(10) + "{\"before\": \"PT5M\"}]";
		refused("{\"title\": \"x\", \"reminders\": " + eleven + "}", "reminders");
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	private void refused(String body, String field) throws Exception {
		create(body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
	}

	private ResultActions create(String body) throws Exception {
		return mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
