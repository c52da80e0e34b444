package dev.taskflow.tasks;

import java.util.List;

/** One page of a task list; {@code nextCursor} is null on the last page. */
public record TaskPage(List<Task> items, String nextCursor) {
}
