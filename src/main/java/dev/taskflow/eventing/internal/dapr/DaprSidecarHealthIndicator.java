package dev.taskflow.eventing.internal.dapr;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code daprSidecar} in the readiness group (application-dapr.yml): without a healthy sidecar this
 * process can neither publish nor receive events, so it should not get traffic. Liveness ignores it:
 * restarting the app does not heal a sidecar.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSidecarHealthIndicator implements HealthIndicator {

	private final DaprSidecar sidecar;

	DaprSidecarHealthIndicator(DaprSidecar sidecar) {
		this.sidecar = sidecar;
	}

	@Override
	public Health health() {
		DaprSidecar.Probe probe = sidecar.health();
		Health.Builder health = probe.ready() ? Health.up() : Health.down();
		return health.withDetail("endpoint", sidecar.properties().httpEndpoint().toString())
			.withDetail("healthz", probe.answer())
			.build();
	}
}
