package dev.taskflow.reminders.internal;

import dev.taskflow.tasks.ReminderClaims;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Shows the operator how many reminders could not be fired and were set aside
 * ({@code taskflow.reminders.set.aside} under /actuator/metrics and Prometheus).
 */
@Component
class SetAsideReminderMetrics implements MeterBinder {

	private final ReminderClaims claims;

	SetAsideReminderMetrics(ReminderClaims claims) {
		this.claims = claims;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("taskflow.reminders.set.aside", claims, ReminderClaims::countSetAside)
			.description("Reminders that could not be fired and were set aside (task_reminders.failed_at)")
			.register(registry);
	}
}
