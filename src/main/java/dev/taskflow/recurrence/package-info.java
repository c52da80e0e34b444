/**
 * Recurring tasks: RFC 5545 recurrence rules (presets such as "weekly" and any RRULE), next-occurrence
 * computation in the owner's time zone, and the consumer that asks for the next instance when a
 * recurring task is completed. Reads the owner's time zone from accounts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "eventing", "accounts" })
package dev.taskflow.recurrence;
