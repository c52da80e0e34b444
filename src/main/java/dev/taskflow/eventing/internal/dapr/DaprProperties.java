package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach the Dapr sidecar and the names of the Dapr components (docs/architecture.md). Blank values
 * count as unset, so {@code DAPR_API_TOKEN=} in a compose file does not switch token checks on.
 *
 * @param httpEndpoint the sidecar's HTTP API ({@code DAPR_HTTP_ENDPOINT})
 * @param pubsubName the pub/sub component
 * @param stateStore the state store component
 * @param secretStore the secret store component
 * @param cronBinding the cron input binding (it calls {@code POST /<cronBinding>})
 * @param apiToken sent as {@code dapr-api-token} on every call to the sidecar ({@code DAPR_API_TOKEN})
 * @param appApiToken required as {@code dapr-api-token} on every call from the sidecar
 * ({@code APP_API_TOKEN})
 * @param sidecarWait how long start-up waits for the sidecar before going on without it
 * @param connectTimeout connecting to the sidecar
 * @param readTimeout waiting for the sidecar's answer
 */
@ConfigurationProperties("taskflow.dapr")
record DaprProperties(URI httpEndpoint, String pubsubName, String stateStore, String secretStore, String cronBinding,
		String apiToken, String appApiToken, Duration sidecarWait, Duration connectTimeout, Duration readTimeout) {

	DaprProperties {
		httpEndpoint = httpEndpoint == null || httpEndpoint.toString().isBlank() ? URI.create("http://localhost:3500")
				: httpEndpoint;
		pubsubName = orDefault(pubsubName, "taskflow-pubsub");
		stateStore = orDefault(stateStore, "taskflow-statestore");
		secretStore = orDefault(secretStore, "taskflow-secrets");
		cronBinding = orDefault(cronBinding, "reminder-cron");
		apiToken = unsetIfBlank(apiToken);
		appApiToken = unsetIfBlank(appApiToken);
		sidecarWait = sidecarWait == null ? Duration.ofSeconds(60) : sidecarWait;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
		String scheme = httpEndpoint.getScheme();
		if (!("http".equals(scheme) || "https".equals(scheme)) || httpEndpoint.getHost() == null) {
			throw new IllegalArgumentException(
					"taskflow.dapr.http-endpoint (DAPR_HTTP_ENDPOINT) must be an http(s) URL such as http://localhost:3500, was "
							+ httpEndpoint);
		}
		if (sidecarWait.isNegative()) {
			throw new IllegalArgumentException("taskflow.dapr.sidecar-wait must not be negative, was " + sidecarWait);
		}
		if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isZero() || readTimeout.isNegative()) {
			throw new IllegalArgumentException("taskflow.dapr.connect-timeout and read-timeout must be positive");
		}
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	private static String unsetIfBlank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** Never print the tokens. */
	@Override
	public String toString() {
		return "DaprProperties[httpEndpoint=" + httpEndpoint + ", pubsubName=" + pubsubName + ", stateStore="
				+ stateStore + ", secretStore=" + secretStore + ", cronBinding=" + cronBinding + ", apiToken="
				+ (apiToken == null ? "unset" : "set") + ", appApiToken=" + (appApiToken == null ? "unset" : "set")
				+ ", sidecarWait=" + sidecarWait + ", connectTimeout=" + connectTimeout + ", readTimeout="
				+ readTimeout + "]";
	}
}
