package dev.taskflow.notifications;

import java.util.UUID;

import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications page the header's bell opens: without JavaScript (these requests run none) it is the
 * only way to read notifications and mark them read; the task list's live panel is hidden there.
 */
@TaskFlowTest
class NotificationPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theBellOpensAPageThatListsNotificationsAndMarksOneRead() {
		Browser browser = Browser.signedUp(mvc);
		long id = notify(browser, "Call the plumber");

		String header = browser.page("/account");
		assertThat(header).contains("href=\"/notifications\"").contains("Notifications: 1 unread")
			.doesNotContain("shown on your task list");
		assertThat(browser.page("/tasks")).as("the list's bell, for when its live badge cannot show")
			.contains("href=\"/notifications\"");

		String page = browser.page("/notifications");
		assertThat(page).contains("Your task &#39;\u2068Call the plumber\u2069&#39; is due in 15 minutes").contains("1 unread.")
			.contains("action=\"/notifications/" + id + "/read\"");

		assertThat(browser.post("/notifications/" + id + "/read")).hasRedirectedUrl("/notifications");
		page = browser.page("/notifications");
		assertThat(page).contains("0 unread.").contains("Call the plumber")
			.doesNotContain("action=\"/notifications/" + id + "/read\"");
	}

	@Test
	void markAllAsReadMarksEveryUnreadOne() {
		Browser browser = Browser.signedUp(mvc);
		notify(browser, "Water the plants");
		notify(browser, "Pay the rent");
		assertThat(browser.page("/notifications")).contains("2 unread.").contains("Mark all as read");

		assertThat(browser.post("/notifications/read-all")).hasRedirectedUrl("/notifications");

		assertThat(browser.page("/notifications")).contains("0 unread.").doesNotContain("Mark all as read")
			.doesNotContain("Mark as read");
	}

	@Test
	void someoneElsesNotificationIsNotFoundAndStaysUnread() {
		Browser owner = Browser.signedUp(mvc);
		long id = notify(owner, "Renew the passport");
		Browser stranger = Browser.signedUp(mvc);

		assertThat(stranger.post("/notifications/" + id + "/read")).hasStatus(404);
		assertThat(stranger.post("/notifications/not-a-number/read")).hasStatus(404);
		assertThat(owner.page("/notifications")).contains("1 unread.");
	}

	/** A reminder of {@code title} fires for the browser's person; returns the notification's id. */
	private long notify(Browser browser, String title) {
		String userId = jdbc.sql("select id from users where email = :email")
			.param("email", browser.email())
			.query(UUID.class)
			.single()
			.toString();
		consumers.deliver(consumers.consumer("notifications"), ReminderDueEvents.dueInFifteenMinutes(userId, title));
		return jdbc.sql("select max(id) from notifications where user_id = :userId")
			.param("userId", UUID.fromString(userId))
			.query(Long.class)
			.single();
	}
}
