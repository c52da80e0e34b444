/**
 * The assistant: manage tasks by talking. A chat API over an offline intent engine (the default,
 * no key and no network needed), the five task tools every engine uses, confirmation of destructive
 * actions, and conversations kept through a small store port. Every tool acts through
 * {@link dev.taskflow.tasks.TaskManagement} as the authenticated user.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "accounts", "tasks", "recurrence", "eventing" })
package dev.taskflow.assistant;
