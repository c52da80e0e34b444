package dev.taskflow.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.InvalidInput.FieldProblem;
import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules {@link TaskManagement} holds for every way in (REST, pages, quick add, the assistant, import),
 * so none of them saves a task another of them would refuse.
 */
@TaskFlowTest
class TaskRulesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TaskManagement tasks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDueDateOutsideTheYears1900To9999IsRefusedWhereverItComesFrom() {
		CurrentUser owner = signedUp();
		TaskDraft draft = TaskDraft.titled("Meet").withDue(Due.allDay(LocalDate.of(1899, 12, 24)));

		assertThat(problems(() -> tasks.create(owner, draft)))
			.containsExactly(new FieldProblem("due", "must be in the years 1900 to 9999"));
		assertThat(problems(() -> tasks.importAll(owner, List.of(new ImportedTask(draft, null)))))
			.containsExactly(new FieldProblem("due", "must be in the years 1900 to 9999"));
		long id = tasks.create(owner, TaskDraft.titled("Meet")).id();
		assertThat(problems(() -> tasks.change(owner, id, current -> current.withDue(Due.allDay(LocalDate.of(1, 1, 1))),
				null))).containsExactly(new FieldProblem("due", "must be in the years 1900 to 9999"));
		assertThat(tasks.create(owner, draft.withDue(Due.allDay(LocalDate.of(9999, 12, 31)))).due())
			.isEqualTo(Due.allDay(LocalDate.of(9999, 12, 31)));
	}

	private static List<FieldProblem> problems(Runnable action) {
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, action::run);
		assertThat(refused).as("refused").isNotNull();
		return refused.problems();
	}

	private CurrentUser signedUp() {
		Browser browser = Browser.signedUp(mvc);
		return accounts.find(jdbc.sql("select id from users where email = :email")
			.param("email", browser.email())
			.query(UUID.class)
			.single()).orElseThrow();
	}
}
