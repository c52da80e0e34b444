package dev.taskflow.tasks.web;

import java.util.List;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Quick add reads the line with the phrase parser; the preview shows what it read before Enter. */
@TaskFlowTest
class QuickAddPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theLineIsSavedAsTitleDuePriorityAndTags() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.post("/tasks", "title", "Call the dentist tomorrow 9am #health p1")).hasStatus3xxRedirection();

		String page = browser.page("/tasks?tag=health");
		assertThat(page).contains("Added “\u2068Call the dentist\u2069”.").contains("Call the dentist").contains("#health");
		assertThat(page).doesNotContain(">Call the dentist tomorrow");
	}

	@Test
	void thePreviewShowsEachPartWithALineThatKeepsItInTheTitle() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult preview = preview(browser, "Call the dentist tomorrow 9am #health p1", "");

		assertThat(preview).hasStatusOk();
		assertThat(body(preview)).contains("id=\"quick-add-preview\"")
			.contains("“<bdi>Call the dentist</bdi>”")
			.contains("Tomorrow 9:00")
			.contains("#health")
			.contains("High priority")
			.contains("data-quick-add-text=\"Call the dentist &quot;tomorrow 9am&quot; #health p1\"");
	}

	@Test
	void aQuotedPartStaysInTheTitle() {
		Browser browser = Browser.signedUp(mvc);

		browser.post("/tasks", "title", "Call the dentist \"tomorrow 9am\" #health p1");

		assertThat(browser.page("/tasks?tag=health")).contains("Call the dentist tomorrow 9am");
	}

	@Test
	void quickAddUnderATagOrPriorityFilterAddsThemSoTheTaskStaysInView() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult preview = preview(browser, "Weed the beds", "tag=garden&priority=high");
		assertThat(body(preview)).contains("#garden (this view)").contains("High priority (this view)");

		browser.post("/tasks", "title", "Weed the beds", "back", "tag=garden&priority=high");
		assertThat(browser.page("/tasks?tag=garden&priority=high")).contains("Weed the beds");
	}

	@Test
	void quickAddInTodayOrUpcomingWithoutADateIsDueTodaySoItStaysInView() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(body(preview(browser, "Call the bank", "view=today"))).contains("Today (this view)");
		assertThat(body(preview(browser, "Call the bank friday", "view=today"))).doesNotContain("(this view)");

		browser.post("/tasks", "title", "Call the bank", "back", "view=today");
		browser.post("/tasks", "title", "Post the letter", "back", "view=upcoming");
		browser.post("/tasks", "title", "Read the paper", "back", "");

		String today = browser.page("/tasks?view=today");
		assertThat(today).contains("Call the bank").contains("Post the letter").doesNotContain("Read the paper");
		assertThat(browser.page("/tasks?view=upcoming")).contains("Call the bank").contains("Post the letter");
	}

	/** The preview cut lines at 500 characters while adding read 1,000: the chips said less than Enter stored. */
	@Test
	void aLongLineIsPreviewedAsAddingReadsIt() {
		Browser browser = Browser.signedUp(mvc);
		String line = "call bob" + " ".repeat(520) + "#work friday";

		assertThat(body(preview(browser, line, ""))).contains("#work").contains("Fri");
		browser.post("/tasks", "title", line);
		assertThat(browser.page("/tasks?tag=work")).contains("call bob");
	}

	@Test
	void anEmptyLineHasNoPreviewAndIsRefusedWithAReason() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(body(preview(browser, "", ""))).doesNotContain("chip");
		MvcTestResult rejected = browser.post("/tasks", "title", "   ");
		assertThat(rejected.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(rejected)).contains("Title is required.");
	}

	@Test
	void aLineRefusedForItsReminderSaysWhyUnderTheFieldWithAndWithoutHtmx() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult rejected = browser.post("/tasks", "title", "x remind me 400 days before tomorrow");
		MvcTestResult rejectedByHtmx = browser.htmxPost("/tasks", "title", "x remind me 400 days before tomorrow");

		for (MvcTestResult result : List.of(rejected, rejectedByHtmx)) {
			assertThat(result.getResponse().getStatus()).isEqualTo(422);
			assertThat(body(result)).containsPattern(
					"id=\"new-title-error\"[^>]*>A reminder can be at most 366 days before the due time.</p>")
				.contains("value=\"x remind me 400 days before tomorrow\"");
		}
	}

	private MvcTestResult preview(Browser browser, String line, String back) {
		return mvc.get()
			.uri("/tasks/quick-add/preview")
			.param("title", line)
			.param("back", back)
			.session(browser.session())
			.header("HX-Request", "true")
			.exchange();
	}
}
