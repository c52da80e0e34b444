package dev.taskflow.tasks.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.tasks.TaskQuery;
import dev.taskflow.tasks.TaskSort;
import dev.taskflow.tasks.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The common first pages read their rows from an index in order on the embedded database, rather
 * than sorting all of a person's tasks (which took 1.4 s a page at 100,000 tasks): a plan, not a
 * timing, so it holds on any machine. The benchmark measures the time.
 */
@TaskFlowTest
class TaskListPlanTests {

	@Autowired
	TaskListQuery listQuery;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@ParameterizedTest(name = "status={0} sort={1}")
	@CsvSource(textBlock = """
			'',        -created
			pending,   -created
			pending,   due
			completed, -updated
			'',        -updated
			'',        due
			'',        title
			""")
	void aCommonFirstPageIsReadFromAnIndexInOrder(String status, String sort) {
		Set<TaskStatus> statuses = status == null || status.isEmpty() ? Set.of() : Set.of(TaskStatus.parse(status).orElseThrow());
		TaskQuery query = new TaskQuery(statuses, Set.of(), List.of(), false, null, null, null, null, null,
				TaskSort.parse(sort), 20, null);
		TaskListQuery.Sql sql = listQuery.build(UUID.randomUUID(), query, Instant.now());

		String plan = String.join("\n", jdbc.queryForList("explain " + sql.text(), sql.params(), String.class));

		assertThat(plan).as(plan).contains("/* index sorted */");
	}
}
