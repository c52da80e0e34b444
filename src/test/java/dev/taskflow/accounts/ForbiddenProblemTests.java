package dev.taskflow.accounts;

import java.util.List;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A refused request of a program is a problem that says why: never the error page, never a wrong reason. */
@TaskFlowTest
class ForbiddenProblemTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aSignedInNonOperatorReadingTheActuatorIsToldItIsForOperators() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		for (var request : List.of(ann.as(get("/actuator/eventing")), ann.as(get("/actuator/metrics")),
				get("/actuator/eventing").with(httpBasic(ann.email(), TestUsers.PASSWORD)))) {
			mvc.perform(request)
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/forbidden"))
				.andExpect(jsonPath("$.detail").value(not(containsString("CSRF"))))
				.andExpect(jsonPath("$.detail").value(containsString("operators")));
		}
	}

	/** In embedded mode the sidecar's routes do not exist; a call to one is still answered as a program's. */
	@Test
	void theDaprRoutesInEmbeddedModeAnswerWithProblems() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		for (String path : List.of("/dapr/reminders", "/job/x", "/reminder-cron", "/dapr/replay/task-events")) {
			mvc.perform(ann.as(post(path)).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().is4xxClientError())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").exists());
			mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().is4xxClientError())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").exists());
		}
	}
}
