package dev.taskflow.tasks;

import java.nio.charset.StandardCharsets;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** TaskTransferApiContract on the embedded H2 database. */
@TaskFlowTest
class TaskTransferApiTests extends TaskTransferApiContract {

	@Autowired
	JdbcClient jdbc;

	/**
	 * Before text was checked on the way in, H2 stored a title with a lone surrogate as sent; the CSV
	 * writer stopped at it, so a backup silently ended there. It reads as U+FFFD now.
	 */
	@Test
	void theCsvExportOfATitleStoredWithALoneSurrogateGoesOnToTheEnd() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long broken = ann.createTask(mvc, "{\"title\": \"Broken\"}");
		ann.createTask(mvc, "{\"title\": \"After it\"}");
		jdbc.sql("update tasks set title = :title, description = :title where id = :id")
			.param("title", "a\uD800b")
			.param("id", broken)
			.update();

		String csv = mvc.perform(ann.as(get("/api/export?format=csv")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv).contains("a\uFFFDb,a\uFFFDb,").contains("After it");
	}
}
