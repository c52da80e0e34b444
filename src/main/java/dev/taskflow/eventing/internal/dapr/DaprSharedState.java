package dev.taskflow.eventing.internal.dapr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.taskflow.eventing.SharedState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dapr state API on {@code taskflow-statestore}: {@code POST /v1.0/state/{store}} with
 * {@code [{"key", "value"}]} (204), {@code GET /v1.0/state/{store}/{key}} (200 with the value, 204 when
 * the key does not exist) and {@code DELETE} on the same path (204).
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSharedState implements SharedState {

	static final String STORE = "taskflow-statestore";

	private static final String KEY = "/v1.0/state/" + STORE + "/{key}";

	private final DaprSidecar sidecar;

	private final JsonMapper json;

	DaprSharedState(DaprSidecar sidecar, JsonMapper json) {
		this.sidecar = sidecar;
		this.json = json;
	}

	@Override
	public Optional<String> get(String key) {
		return call("read", key, () -> sidecar.http().get().uri(KEY, key).exchange((request, response) -> {
			int status = response.getStatusCode().value();
			if (status == 204 || status == 404) {
				return Optional.<String>empty();
			}
			String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
			if (status != 200) {
				throw new Unavailable("The Dapr state store did not read " + key + ": HTTP " + status, null);
			}
			return body.isBlank() ? Optional.<String>empty() : Optional.of(body);
		}));
	}

	@Override
	public void save(String key, String document) {
		byte[] body = json.writeValueAsBytes(List.of(Map.of("key", key, "value", json.readTree(document))));
		call("save", key, () -> sidecar.http()
			.post()
			.uri("/v1.0/state/" + STORE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> expect2xx(response.getStatusCode().value(), "save", key)));
	}

	@Override
	public void delete(String key) {
		call("delete", key, () -> sidecar.http()
			.delete()
			.uri(KEY, key)
			.exchange((request, response) -> expect2xx(response.getStatusCode().value(), "delete", key)));
	}

	private static Void expect2xx(int status, String what, String key) {
		if (status / 100 != 2) {
			throw new Unavailable("The Dapr state store did not " + what + " " + key + ": HTTP " + status, null);
		}
		return null;
	}

	private <T> T call(String what, String key, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			throw new Unavailable("Could not " + what + " " + key + ": the Dapr sidecar at "
					+ sidecar.properties().httpEndpoint() + " is unreachable (" + ex.getMostSpecificCause() + ")", ex);
		}
	}
}
