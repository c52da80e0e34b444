package dev.taskflow.eventing;

import dev.taskflow.eventing.internal.EventingProperties;
import org.springframework.stereotype.Component;

/**
 * The roles this process runs ({@code TASKFLOW_ROLES}: {@code all} or a comma list such as
 * {@code api,web}), for modules that start work of their own, such as a scheduler, rather than only
 * consume events (consumers are filtered by the eventing module).
 */
@Component
public class Roles {

	/**
	 * Republishes what lands on the dead-letter topics ({@code <topic>-dlq}) to their topics, in
	 * Dapr mode. Never part of {@code all}: name it ({@code TASKFLOW_ROLES=all,replay}) while the
	 * cause is fixed and the dead letters should flow again, then take it away.
	 */
	public static final String REPLAY = "replay";

	private final EventingProperties properties;

	Roles(EventingProperties properties) {
		this.properties = properties;
	}

	public boolean runs(String role) {
		return properties.runs(role);
	}
}
