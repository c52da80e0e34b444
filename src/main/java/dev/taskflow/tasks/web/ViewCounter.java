package dev.taskflow.tasks.web;

import java.time.LocalDate;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.tasks.TaskManagement;
import org.springframework.stereotype.Component;

/** The count beside a view in the menu: how many tasks its list holds, "999+" from a thousand on. */
@Component
class ViewCounter {

	/** Counts stop here and show as "999+": past that, the exact number tells a person nothing more. */
	static final int COUNTED_UP_TO = 1000;

	private final TaskManagement tasks;

	ViewCounter(TaskManagement tasks) {
		this.tasks = tasks;
	}

	String count(TaskListFilter filter, CurrentUser user, LocalDate today) {
		try {
			long count = tasks.count(user, TaskListParameters.parse(filter.apiParameters(today), user.timeZone()),
					COUNTED_UP_TO);
			return count >= COUNTED_UP_TO ? (COUNTED_UP_TO - 1) + "+" : String.valueOf(count);
		}
		catch (InvalidInput ex) {
			// a saved view whose filter no longer reads (say, a tag rule changed) simply shows no count
			return "0";
		}
	}
}
