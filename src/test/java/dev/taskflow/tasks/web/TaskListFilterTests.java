package dev.taskflow.tasks.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListFilterTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

	@Test
	void todayIsWhatIsPendingAndDueByTheEndOfToday() {
		var params = TaskListFilter.parse("view=today").apiParameters(TODAY);

		assertThat(params.toSingleValueMap()).containsEntry("status", "pending")
			.containsEntry("due_to", "2026-11-28")
			.doesNotContainKey("due_from")
			.containsEntry("sort", "due,-priority");
	}

	@Test
	void upcomingIsTheNextSevenDaysTodayIncluded() {
		var params = TaskListFilter.parse("view=upcoming&tag=work").apiParameters(TODAY);

		assertThat(params.toSingleValueMap()).containsEntry("due_from", "2026-11-28")
			.containsEntry("due_to", "2026-12-04")
			.containsEntry("tag", "work");
	}

	@Test
	void aDatedViewIgnoresAnotherStatusOrDueRangeAndAnUnknownViewIsTheInbox() {
		TaskListFilter today = TaskListFilter.parse("view=today&status=completed&due_from=2020-01-01");
		assertThat(today.queryString()).isEqualTo("view=today");

		TaskListFilter unknown = TaskListFilter.parse("view=someday&priority=high");
		assertThat(unknown.queryString()).isEqualTo("priority=high");
		assertThat(unknown.title()).isEqualTo("Inbox");
	}

	@Test
	void completedTasksSortByWhenTheyChangedOthersByDueUnlessASortIsChosen() {
		assertThat(TaskListFilter.parse("status=completed").effectiveSort()).isEqualTo("-updated");
		assertThat(TaskListFilter.parse("").effectiveSort()).isEqualTo("due,-priority");
		assertThat(TaskListFilter.parse("sort=title").effectiveSort()).isEqualTo("title");
	}

	@Test
	void theSameListIgnoresPagingAndSort() {
		assertThat(TaskListFilter.parse("tag=a&sort=title&cursor=x").sameListAs(TaskListFilter.parse("tag=a")))
			.isTrue();
		assertThat(TaskListFilter.parse("tag=a").sameListAs(TaskListFilter.parse("tag=b"))).isFalse();
	}
}
