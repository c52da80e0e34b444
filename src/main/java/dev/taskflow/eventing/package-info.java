/**
 * The event backbone: CloudEvents envelopes, the outbox relay (on Spring Modulith's event publication
 * registry), the transports ({@code embedded} in-process, {@code dapr} through the sidecar), the
 * inbox that gives consumers exactly-once effects, and the Dapr endpoints. Consumers implement
 * {@link dev.taskflow.eventing.EventConsumer}; nothing outside this module knows about transports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package dev.taskflow.eventing;
