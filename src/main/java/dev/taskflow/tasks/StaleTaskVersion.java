package dev.taskflow.tasks;

/** The client changed a task based on an outdated version; it gets the current state to retry from. */
public class StaleTaskVersion extends RuntimeException {

	private final Task current;

	public StaleTaskVersion(Task current) {
		super("Task " + current.id() + " was changed by someone else (it is at version " + current.version()
				+ "). Reload it and apply your change again.");
		this.current = current;
	}

	public Task current() {
		return current;
	}
}
