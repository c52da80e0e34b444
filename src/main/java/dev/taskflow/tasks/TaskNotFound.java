package dev.taskflow.tasks;

import dev.taskflow.platform.ResourceNotFound;

/** No such task for this user: someone else's task reads the same as a missing one. */
public class TaskNotFound extends ResourceNotFound {

	public TaskNotFound(long id) {
		super("Task " + id + " does not exist.");
	}
}
