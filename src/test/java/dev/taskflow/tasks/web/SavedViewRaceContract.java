package dev.taskflow.tasks.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.HeldTransaction;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Views saved at the same instant are checked against each other: the limit and the names that are the
 * same but for case (an index can state neither) hold when a second request arrives while the first is
 * still writing. On H2 every hold of an account is exclusive; on PostgreSQL this is the case that needs
 * {@code Accounts.holdAccountAlone}.
 */
abstract class SavedViewRaceContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void aViewSavedWhileAnotherIsBeingSavedIsCheckedAgainstIt() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		UUID owner = UUID.fromString(ann.id());
		ExecutorService writers = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> second;
			try (HeldTransaction first = HeldTransaction.start(transactions, dataSource, () -> {
				assertThat(accounts.holdAccountAlone(owner)).isTrue();
				jdbc.sql("insert into saved_views (user_id, name, query, created_at) values (:owner, 'Proj', 'tag=x', :now)")
					.param("owner", owner)
					.param("now", SqlTime.utc(Instant.now()))
					.update();
			})) {
				second = writers.submit(() -> mvc.perform(ann.as(post("/api/views"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\": \"PROJ\", \"filters\": {\"tag\": \"x\"}}")).andReturn().getResponse().getStatus());
				first.commitOnceEachIsDoneOrWaiting(List.of(second));
			}

			assertThat(second.get()).as("the same name but for case").isEqualTo(409);
			assertThat(jdbc.sql("select name from saved_views where user_id = :owner").param("owner", owner)
				.query(String.class).list()).containsExactly("Proj");
		}
		finally {
			writers.shutdown();
		}
	}
}
