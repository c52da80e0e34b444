/**
 * The audit trail: consumes every task event and keeps an append-only history per task, served at
 * {@code /api/tasks/{id}/history} and {@code /api/audit}. History outlives the task.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "eventing", "accounts", "tasks" })
package dev.taskflow.audit;
