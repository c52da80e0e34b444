package dev.taskflow.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.notifications.ReminderDueEvents;
import dev.taskflow.accounts.internal.AccountSettings;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.Browser;
import dev.taskflow.support.HeldTransaction;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Deleting an account from the account page: the password confirms it, and every row its owner kept
 * goes — and nobody else's.
 */
abstract class AccountDeletionContract {

	/** Every table that keeps rows per user, and the column naming the user. */
	private static final Map<String, String> PER_USER = Map.of("users", "id", "tasks", "user_id", "api_tokens",
			"user_id", "saved_views", "user_id", "audit_log", "user_id", "notifications", "user_id",
			"assistant_conversations", "owner_id", "password_resets", "user_id");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	MockMvc api;

	@Autowired
	AccountSettings settings;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void deletingNeedsThePassword() {
		Browser ann = Browser.signedUp(mvc);

		MvcTestResult wrong = ann.post("/account/delete", "currentPassword", "not it");

		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(wrong)).contains("Current password is not your current password.");
		assertThat(ann.page("/tasks")).contains(ann.email());
	}

	@Test
	void deletingTheAccountErasesEverythingItKeptAndNothingOfAnyoneElse() {
		Browser ann = withSomethingInEveryTable();
		Browser bob = withSomethingInEveryTable();
		UUID annId = userId(ann);
		UUID bobId = userId(bob);
		Map<String, Integer> bobsRows = rowsOf(bobId);
		var annElsewhere = mvc.perform(formLogin("/login").userParameter("email").user(ann.email()).password(Browser.PASSWORD))
			.getRequest()
			.getSession();

		MvcTestResult deleted = ann.post("/account/delete", "currentPassword", Browser.PASSWORD);

		assertThat(deleted).hasRedirectedUrl("/login?deleted");
		assertThat(rowsOf(annId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
		assertThat(jdbc.sql("select count(*) from task_tags t left join tasks k on k.id = t.task_id where k.id is null")
			.query(Integer.class)
			.single()).as("tags left behind").isZero();
		assertThat(rowsOf(bobId)).isEqualTo(bobsRows);
		assertThat(ann.get("/tasks")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/tasks").session((org.springframework.mock.web.MockHttpSession) annElsewhere))
			.hasStatus3xxRedirection();
		assertThat(mvc.perform(formLogin("/login").userParameter("email").user(ann.email()).password(Browser.PASSWORD)))
			.hasRedirectedUrl("/login?error");
		assertThat(bob.page("/tasks")).contains("Tagged task");
	}

	@Test
	void eventsStillOnTheirWayToADeletedAccountLeaveNothingBehind() {
		Browser ann = Browser.signedUp(mvc);
		UUID annId = userId(ann);
		assertThat(ann.post("/account/delete", "currentPassword", Browser.PASSWORD)).hasRedirectedUrl("/login?deleted");

		// as if these had been queued before the account went and were delivered only now
		assertThat(consumers.deliver(consumers.consumer("audit"), taskCreated(annId))).isTrue();
		assertThat(consumers.deliver(consumers.consumer("notifications"),
				ReminderDueEvents.dueInFifteenMinutes(annId.toString(), "Late reminder"))).isTrue();

		assertThat(rowsOf(annId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
	}

	/**
	 * Whatever is written for the account while it is being deleted either commits first and goes with it,
	 * or finds it gone: the deletion holds its transaction open here while each writer runs.
	 */
	@Test
	void whatIsWrittenWhileTheAccountIsBeingDeletedDoesNotOutliveIt() throws Exception {
		TestUser ann = TestUsers.signUp(api);
		UUID annId = UUID.fromString(ann.id());
		ExecutorService writers = Executors.newFixedThreadPool(5);
		try {
			List<Future<?>> writes;
			try (HeldTransaction deletion = HeldTransaction.start(transactions, dataSource,
					() -> settings.delete(annId, TestUsers.PASSWORD, "192.0.2.1"))) {
				writes = List.of(
						writers.submit(() -> consumers.deliver(consumers.consumer("audit"), taskCreated(annId))),
						writers.submit(() -> consumers.deliver(consumers.consumer("notifications"),
								ReminderDueEvents.dueInFifteenMinutes(annId.toString(), "Late reminder"))),
						writers.submit(() -> postJson(ann, "/api/tasks", "{\"title\": \"Written meanwhile\"}")),
						writers.submit(() -> postJson(ann, "/api/views", "{\"name\": \"Home\", \"filters\": {\"tag\": \"home\"}}")),
						writers.submit(() -> postJson(ann, "/api/chat", "{\"message\": \"What is due today?\"}")));
				deletion.commitOnceEachIsDoneOrWaiting(writes);
			}
			for (Future<?> write : writes) {
				try {
					write.get();
				}
				catch (ExecutionException ex) {
					// refused because the account went first: fine, as long as it left nothing behind
				}
			}

			assertThat(rowsOf(annId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
		}
		finally {
			writers.shutdown();
		}
	}

	private int postJson(TestUser user, String uri, String body) throws Exception {
		return api.perform(user.as(post(uri)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private static EventEnvelope taskCreated(UUID userId) {
		ObjectNode data = JsonMapper.builder().build().createObjectNode();
		data.put("user_id", userId.toString()).put("task_id", 42).put("sequence", 1).put("timestamp", Instant.now().toString());
		data.putObject("task").put("title", "Queued before the account went");
		return new EventEnvelope(UUID.randomUUID(), "/tests", "task.created", Instant.now(), "42", "42", null, data);
	}

	/** A user with a task (tagged, with a reminder, and history), a token, a view, a notification and a conversation. */
	private Browser withSomethingInEveryTable() {
		Browser browser = Browser.signedUp(mvc);
		UUID id = userId(browser);
		assertThat(browser.post("/tasks", "title", "Tagged task #home remind me 30 min before tomorrow 9am"))
			.hasStatus3xxRedirection();
		assertThat(browser.post("/account/tokens", "name", "script")).hasStatus3xxRedirection();
		assertThat(browser.post("/views", "name", "Home", "back", "tag=home")).hasStatus3xxRedirection();
		consumers.deliver(consumers.consumer("notifications"),
				ReminderDueEvents.dueInFifteenMinutes(id.toString(), "Tagged task"));
		jdbc.sql("""
				insert into assistant_conversations (id, owner_id, title, created_at, updated_at, document)
				values (:id, :owner, 'Plans', :now, :now, '{}')""")
			.param("id", UUID.randomUUID())
			.param("owner", id)
			.param("now", SqlTime.utc(Instant.now()))
			.update();
		jdbc.sql("insert into password_resets (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
			.param("hash", UUID.randomUUID().toString().replace("-", ""))
			.param("user", id)
			.param("expires", SqlTime.utc(Instant.now().plusSeconds(600)))
			.update();
		await().until(() -> rowsOf(id).values().stream().allMatch(rows -> rows > 0));
		return browser;
	}

	private UUID userId(Browser browser) {
		return jdbc.sql("select id from users where email = :email")
			.param("email", browser.email())
			.query(UUID.class)
			.single();
	}

	private Map<String, Integer> rowsOf(UUID userId) {
		Map<String, Integer> rows = new java.util.TreeMap<>();
		PER_USER.forEach((table, column) -> rows.put(table,
				jdbc.sql("select count(*) from " + table + " where " + column + " = :user")
					.param("user", userId)
					.query(Integer.class)
					.single()));
		return rows;
	}
}
