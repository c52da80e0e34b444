/**
 * Reminders: every reminder of a pending task fires once, at its time, as {@code reminder.due} on the
 * {@code reminders} topic. In embedded mode an in-process scheduler sleeps until the next reminder
 * is due; with Dapr the {@code reminder-cron} binding sweeps and Jobs API callbacks fire reminders at
 * their exact time. Claims are atomic in the database, so replicas never send a reminder twice.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "eventing", "tasks" })
package dev.taskflow.reminders;
