package dev.taskflow.eventing.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.taskflow.eventing.Roles;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param transport {@code embedded} (default) or {@code dapr} (set by the {@code dapr} profile)
 * @param roles the roles this process runs ({@code TASKFLOW_ROLES}: {@code all} or a comma list)
 * @param maxAttempts deliveries of one event to one consumer before it is dead-lettered
 * @param initialBackoff wait before the first retry; doubles per attempt
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("taskflow.eventing")
public record EventingProperties(Transport transport, String roles, Integer maxAttempts, Duration initialBackoff,
		Duration maxBackoff) {

	public enum Transport {
		EMBEDDED, DAPR
	}

	static final Set<String> KNOWN_ROLES = Set.of("api", "web", "assistant", "audit", "recurrence", "reminders",
			"notifications", Roles.REPLAY);

	private static final String ALL = "all";

	public EventingProperties {
		transport = transport == null ? Transport.EMBEDDED : transport;
		roles = roles == null || roles.isBlank() ? "all" : roles.strip().toLowerCase(Locale.ROOT);
		maxAttempts = maxAttempts == null ? 8 : maxAttempts;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
		maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("taskflow.eventing.max-attempts must be at least 1");
		}
		Set<String> unknown = roleSet(roles).stream()
			.filter(r -> !r.equals(ALL) && !KNOWN_ROLES.contains(r))
			.collect(Collectors.toSet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("TASKFLOW_ROLES has unknown roles " + unknown + "; known are "
					+ KNOWN_ROLES + " or 'all'");
		}
	}

	/**
	 * Whether this process runs {@code role}. {@code all} runs every role but {@code replay}, which
	 * an operator names on purpose for as long as the dead letters take to drain.
	 */
	public boolean runs(String role) {
		Set<String> named = roleSet(roles);
		return named.contains(role) || (named.contains(ALL) && !role.equals(Roles.REPLAY));
	}

	/** The wait before attempt {@code attempt + 1}: exponential, capped. */
	public Duration backoff(int attempt) {
		Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}

	private static Set<String> roleSet(String roles) {
		return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
	}
}
