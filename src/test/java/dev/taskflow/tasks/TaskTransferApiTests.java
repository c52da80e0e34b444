package dev.taskflow.tasks;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.support.HeldTransaction;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** TaskTransferApiContract on the embedded H2 database. */
@TaskFlowTest
class TaskTransferApiTests extends TaskTransferApiContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskManagement tasks;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	/**
	 * An import holds the account until it commits (docs/architecture.md, "Writing for an account"); on H2
	 * another write of the account that waits longer than H2's two seconds is told so, naming what may be
	 * going on rather than only a time-zone change the person never made.
	 */
	@Test
	void aWriteThatWaitedTooLongForAnImportIsToldAnotherChangeIsBeingSaved() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "UTC");
		CurrentUser importer = new CurrentUser(UUID.fromString(ann.id()), ann.email(), ZoneId.of("UTC"));
		try (HeldTransaction held = HeldTransaction.start(transactions, dataSource,
				() -> tasks.createAll(importer, List.of(TaskDraft.titled("Imported"))))) {
			mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Pack\"}"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value("Another change to your account is still being saved (an import, "
						+ "a new time zone …); nothing was saved. Try again in a moment."));
		}
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Pack\"}"))
			.andExpect(status().isCreated());
	}

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
