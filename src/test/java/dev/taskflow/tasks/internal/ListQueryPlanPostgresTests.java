package dev.taskflow.tasks.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.support.PostgresTest;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskSort;
import dev.taskflow.tasks.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With 100 000 tasks for one user, PostgreSQL plans every common first page as an index scan: the
 * list stays flat as a user's task count grows. (How fast it is, the benchmark measures.)
 */
@PostgresTest
class ListQueryPlanPostgresTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskListQuery listQuery;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transactions;

	UUID owner;

	@BeforeEach
	void aUserWithAHundredThousandTasks() {
		owner = accounts.register("plan-" + UUID.randomUUID() + "@example.com", "a long enough passphrase", "UTC").id();
		jdbc.sql("""
				insert into tasks (user_id, title, description, status, priority, due_at, overdue_at, due_sort,
				  title_sort, search_text, created_at, updated_at, version)
				select :owner, 'Task ' || n, null, case when n % 3 = 0 then 'completed' else 'pending' end, n % 4,
				  case when n % 5 = 0 then null else now() + n * interval '1 minute' end,
				  case when n % 5 = 0 then null else now() + n * interval '1 minute' end,
				  case when n % 5 = 0 then timestamp with time zone '9999-12-31 00:00:00+00'
				       else now() + n * interval '1 minute' end,
				  'task ' || n, 'task ' || n || case when n % 1000 = 0 then ' buy milk' else '' end,
				  now() - n * interval '1 second', now(), 1
				from generate_series(1, 100000) as n""").param("owner", owner).update();
		jdbc.sql("analyze tasks").update();
	}

	@Test
	void firstPagesUseIndexesNotSequentialScans() {
		for (TaskQuery query : List.of(query(Set.of(), null, "-created"), query(Set.of(), null, "due,-priority"),
				query(Set.of(TaskStatus.PENDING), null, "due"), query(Set.of(), null, "title"),
				query(Set.of(), "milk", "-created"))) {
			TaskListQuery.Sql sql = listQuery.build(owner, query, Instant.now());
			String plan = String.join("\n", jdbc.sql("explain " + sql.text()).params(sql.params()).query(String.class).list());
			assertThat(plan).as(query.sort().format() + " q=" + query.q()).doesNotContain("Seq Scan on tasks");
		}
	}

	/**
	 * Every list is planned for its values even once the driver has prepared its statement on the
	 * server, where PostgreSQL would otherwise settle on a generic plan for an average owner: for this
	 * one it sorts every match of a common word, or every task to find those with two tags.
	 */
	@Test
	void everyListIsPlannedForItsValuesForItsTransactionOnly() {
		assertThat(planCacheModeAfter(query(Set.of(), "milk", "-created"))).isEqualTo("force_custom_plan");
		TaskQuery plainList = new TaskQuery(Set.of(), null, null, false, null, null, null, false, null,
				TaskSort.parse("-created"), TaskQuery.DEFAULT_LIMIT, null);
		assertThat(planCacheModeAfter(plainList)).isEqualTo("force_custom_plan");
		String afterCount = transactions.execute(status -> {
			assertThat(listQuery.count(owner, plainList, Instant.now(), 10)).isEqualTo(10);
			return jdbc.sql("show plan_cache_mode").query(String.class).single();
		});
		assertThat(afterCount).as("a count, as the views menu shows").isEqualTo("force_custom_plan");
		assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).as("after the transaction")
			.isEqualTo("auto");
	}

	/** (The rows of this test have no due time zone; listed are only those without a due date.) */
	private String planCacheModeAfter(TaskQuery query) {
		return transactions.execute(status -> {
			assertThat(listQuery.run(owner, query, Instant.now()).items()).isNotEmpty();
			return jdbc.sql("show plan_cache_mode").query(String.class).single();
		});
	}

	private static TaskQuery query(Set<TaskStatus> statuses, String q, String sort) {
		return new TaskQuery(statuses, null, null, false, null, null, null, null, q, TaskSort.parse(sort),
				TaskQuery.DEFAULT_LIMIT, null);
	}
}
