package dev.taskflow.notifications;

import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** "In TaskFlow" off on the account page: a reminder is still kept in the inbox, but already read. */
@TaskFlowTest
class NotificationPreferencesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void withInAppNotificationsOffAReminderArrivesAlreadyRead() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		jdbc.sql("update users set notify_in_app = false where id = :id")
			.param("id", java.util.UUID.fromString(ann.id()))
			.update();

		consumers.deliver(consumers.consumer("notifications"), ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Milk"));
		consumers.deliver(consumers.consumer("notifications"), ReminderDueEvents.dueInFifteenMinutes(bob.id(), "Milk"));

		mvc.perform(ann.as(get("/api/notifications")))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].read").value(true))
			.andExpect(jsonPath("$.unread_count").value(0));
		mvc.perform(bob.as(get("/api/notifications")))
			.andExpect(jsonPath("$.items[0].read").value(false))
			.andExpect(jsonPath("$.unread_count").value(1));
	}
}
