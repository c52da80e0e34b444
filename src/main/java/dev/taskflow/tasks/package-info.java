/**
 * The Task aggregate: commands, queries (filter, search, sort, keyset paging) and {@code /api/tasks}.
 * {@link dev.taskflow.tasks.TaskManagement} is the façade other modules use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "accounts", "eventing", "recurrence" })
package dev.taskflow.tasks;
