package dev.taskflow.notifications;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;

@TaskFlowTest
class UnreadCountOnPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void everySignedInPageOutsideTheListShowsTheUnreadCountWithoutJavaScript() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Call the plumber");

		assertThat(browser.page("/account")).contains("class=\"unread-link\"").contains("Notifications: 0 unread");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("Notifications: 0 unread");
		assertThat(browser.page("/tasks/" + id + "/history")).contains("Notifications: 0 unread");
		assertThat(browser.page("/tasks")).as("the list's bell hides once its live badge shows (shell.css)")
			.contains("class=\"unread-link beside-live-badge\"");
		assertThat(body(browser.htmxGet("/tasks/" + id + "/edit"))).doesNotContain("unread-link");
	}

	@Test
	void publicPagesShowNoCount() {
		Browser visitor = Browser.open(mvc);
		assertThat(body(visitor.get("/login"))).doesNotContain("unread-link");
	}
}
