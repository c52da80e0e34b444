package dev.taskflow.tasks.web;

import java.nio.charset.StandardCharsets;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The "Import and export" page: downloads, and uploads with a readable report. */
@TaskFlowTest
class TaskTransferPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void thePageOffersBothDownloadsAndTheyHoldOnlyThePersonsTasks() {
		Browser ann = Browser.signedUp(mvc);
		Browser bob = Browser.signedUp(mvc);
		ann.addTask("Ann's secret plan");

		assertThat(ann.page("/account/data")).contains("href=\"/account/data/export?format=json\"")
			.contains("href=\"/account/data/export?format=csv\"")
			.contains("enctype=\"multipart/form-data\"");
		MvcTestResult csv = ann.get("/account/data/export?format=csv");
		assertThat(csv).hasStatusOk().hasHeader("Content-Type", "text/csv;charset=UTF-8");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"taskflow-tasks-");
		assertThat(body(csv)).contains("Ann's secret plan");
		assertThat(body(bob.get("/account/data/export?format=json"))).doesNotContain("Ann's secret plan");
		assertThat(ann.get("/account/data/export?format=pdf")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aGoodFileIsImportedAndSaysHowMany() {
		Browser ann = Browser.signedUp(mvc);

		MvcTestResult imported = upload(ann, "tasks.csv", "title,tags,priority\nBuy milk,home,high\nCall Sam,,\n");

		assertThat(imported).hasRedirectedUrl("/account/data");
		assertThat(ann.page("/account/data")).contains("Imported 2 tasks.");
		assertThat(ann.page("/tasks?status=all")).contains("Buy milk").contains("Call Sam");
	}

	@Test
	void wrongRowsAreListedAndNothingIsImported() {
		Browser ann = Browser.signedUp(mvc);

		MvcTestResult refused = upload(ann, "tasks.json",
				"[{\"title\": \"Fine\"}, {\"title\": \"Dentist\", \"due_at\": \"next week\"}, {\"priority\": \"high\"}]");

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(refused)).contains("2 tasks in the file cannot be imported; nothing was imported.")
			.contains("Row 2 (“<bdi>Dentist</bdi>”):")
			.contains("Due ")
			.contains("Row 3:")
			.contains("Title is required.");
		assertThat(ann.page("/tasks?status=all")).doesNotContain("Fine");
	}

	@Test
	void aKeyGivenTwiceInATaskIsNamedWithItsRowAndNothingIsImported() {
		Browser ann = Browser.signedUp(mvc);

		MvcTestResult refused = upload(ann, "tasks.json",
				"[{\"title\": \"Fine\"}, {\"title\": \"Dentist\", \"due_at\": \"2030-01-01\", \"due_at\": \"2030-02-01\"}]");

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(refused)).contains("1 task in the file cannot be imported; nothing was imported.")
			.contains("Row 2 (“<bdi>Dentist</bdi>”):")
			.contains("Due is given more than once.");
		assertThat(ann.page("/tasks?status=all")).doesNotContain("Fine");
	}

	@Test
	void aFileThatIsNoTaskListOrNoFileAtAllIsExplained() {
		Browser ann = Browser.signedUp(mvc);

		MvcTestResult broken = upload(ann, "tasks.json", "{\"tasks\": [");
		assertThat(broken).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(broken)).contains("This file cannot be imported: it is not valid JSON");

		MvcTestResult noTitle = upload(ann, "tasks.csv", "name\nMilk\n");
		assertThat(body(noTitle)).contains("needs a header row with a title column");

		MvcTestResult empty = upload(ann, "tasks.csv", "");
		assertThat(body(empty)).contains("Choose a file to import");
	}

	private MvcTestResult upload(Browser browser, String name, String content) {
		return mvc.post()
			.uri("/account/data/import")
			.multipart()
			.file(new MockMultipartFile("file", name, "application/octet-stream",
					content.getBytes(StandardCharsets.UTF_8)))
			.session(browser.session())
			.with(csrf())
			.exchange();
	}
}
