package dev.taskflow.eventing.internal.dapr;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * The Dapr state API on the state store {@code taskflow.dapr.state-store} names ({@code taskflow-statestore}
 * unless {@code TASKFLOW_DAPR_STATESTORE} says otherwise): {@code POST /v1.0/state/{store}} with
 * {@code [{"key", "value"}]} (204), {@code GET /v1.0/state/{store}/{key}} (200 with the value, 204 when
 * the key does not exist) and {@code DELETE} on the same path (204). A save that carries an ETag with
 * first-write concurrency is refused with 409 when the key changed since it was read.
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSharedState implements SharedState {

	private static final String STORE_PATH = "/v1.0/state/{store}";

	private static final String KEY_PATH = STORE_PATH + "/{key}";

	private final DaprSidecar sidecar;

	private final String store;

	private final JsonMapper json;

	DaprSharedState(DaprSidecar sidecar, JsonMapper json) {
		this.sidecar = sidecar;
		this.store = sidecar.properties().stateStore();
		this.json = json;
	}

	@Override
	public Optional<String> get(String key) {
		return read(key).map(Versioned::json);
	}

	@Override
	public Optional<Versioned> read(String key) {
		return call("read", key, () -> sidecar.http().get().uri(KEY_PATH, store, key).exchange((request, response) -> {
			int status = response.getStatusCode().value();
			if (status == 204 || status == 404) {
				return Optional.<Versioned>empty();
			}
			String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
			if (status != 200) {
				throw new Unavailable("The Dapr state store did not read " + key + ": HTTP " + status, null);
			}
			return body.isBlank() ? Optional.<Versioned>empty()
					: Optional.of(new Versioned(body, response.getHeaders().getFirst("ETag")));
		}));
	}

	@Override
	public void save(String key, String document) {
		post(key, Map.of("key", key, "value", json.readTree(document)));
	}

	@Override
	public boolean saveIfUnchanged(String key, String document, String version) {
		if (version == null) {
			save(key, document);
			return true;
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("key", key);
		item.put("value", json.readTree(document));
		item.put("etag", unquoted(version));
		item.put("options", Map.of("concurrency", "first-write", "consistency", "strong"));
		return post(key, item);
	}

	/** @return false when the store refused the write because the ETag no longer matches (409) */
	private boolean post(String key, Map<String, Object> item) {
		byte[] body = json.writeValueAsBytes(List.of(item));
		return call("save", key, () -> sidecar.http()
			.post()
			.uri(STORE_PATH, store)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> {
				int status = response.getStatusCode().value();
				if (status == 409) {
					return false;
				}
				expect2xx(status, "save", key);
				return true;
			}));
	}

	/** Dapr's ETag header may come quoted as HTTP has it; the state item wants the bare value. */
	private static String unquoted(String etag) {
		String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
		return bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"") ? bare.substring(1, bare.length() - 1) : bare;
	}

	@Override
	public void delete(String key) {
		call("delete", key, () -> sidecar.http()
			.delete()
			.uri(KEY_PATH, store, key)
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
