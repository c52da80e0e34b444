/**
 * The event backbone: CloudEvents envelopes, the {@link dev.taskflow.eventing.Outbox} (the embedded
 * queue itself, or Spring Modulith's event publication registry and a relay in front of Dapr), the
 * transports ({@code embedded} in-process, {@code dapr} through the sidecar), the inbox that gives
 * consumers exactly-once effects, and the Dapr endpoints. Consumers implement
 * {@link dev.taskflow.eventing.EventConsumer}; nothing outside this module knows about transports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package dev.taskflow.eventing;
