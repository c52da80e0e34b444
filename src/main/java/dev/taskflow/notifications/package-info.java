/**
 * The per-user notification inbox: consumes {@code reminder.due}, keeps one notification per
 * reminder, publishes {@code notification.created} (which the web module pushes to open pages),
 * serves {@code /api/notifications} (snoozing re-arms the task's reminder through the tasks façade) and, when SMTP is configured, sends the notification by e-mail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "eventing", "accounts", "tasks" })
package dev.taskflow.notifications;
