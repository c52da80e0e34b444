package dev.taskflow.web.live;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;

/** What the task list's live updates (taskflow.js) rely on in the page and from the server. */
@TaskFlowTest
class LiveTaskListPageTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theTaskListSubscribesToTheStreamAndHasPlacesForChangesAndNotifications() {
		Browser browser = Browser.signedUp(mvc);
		browser.addTask("Buy milk");

		assertThat(browser.page("/tasks")).contains("data-live-stream=\"/api/stream\"")
			.contains("id=\"task-results\"")
			.contains("data-notifications")
			.contains("data-toasts")
			.containsPattern("src=\"/js/taskflow-[0-9a-f]{32}\\.js\"");
		assertThat(body(browser.get("/js/taskflow.js"))).contains("new EventSource(")
			.contains("\"notification.created\"")
			.contains("/api/notifications/unread-count");
	}

	@Test
	void theScriptRefreshesARowFromItsFragmentWhichOnlyItsOwnerGets() {
		Browser ann = Browser.signedUp(mvc);
		Browser bob = Browser.signedUp(mvc);
		long id = ann.addTask("Ann's task");

		assertThat(ann.page("/tasks/" + id + "/row?back=status%3Dall")).contains("id=\"task-" + id + "\"")
			.contains("Ann&#39;s task");
		assertThat(bob.get("/tasks/" + id + "/row")).hasStatus(404);
	}

	@Test
	void thePageKeepsItsContentSecurityPolicy() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.get("/tasks").getResponse().getHeader("Content-Security-Policy"))
			.contains("default-src 'self'")
			.contains("script-src 'self'")
			.doesNotContain("script-src 'self' 'unsafe-inline'");
	}
}
