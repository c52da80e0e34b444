package dev.taskflow.eventing.internal.dapr;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import dev.taskflow.platform.Characters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The sidecar's HTTP API as the app sees it: every call carries {@code dapr-api-token} when
 * {@code DAPR_API_TOKEN} is set and gives up after a few seconds, so a dead sidecar never pins a thread.
 * Plain HTTP rather than the Dapr SDK, whose client talks gRPC to the sidecar (docs/architecture.md, "The Dapr contract").
 */
@Component
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSidecar {

	static final String API_TOKEN_HEADER = "dapr-api-token";

	/** How much of an error body a log line or exception quotes. */
	static final int MAX_ERROR_CHARS = 300;

	private final RestClient http;

	private final DaprProperties properties;

	DaprSidecar(DaprProperties properties) {
		this.properties = properties;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.readTimeout());
		RestClient.Builder builder = RestClient.builder()
			.baseUrl(properties.httpEndpoint().toString())
			.requestFactory(requests);
		if (properties.apiToken() != null) {
			builder.defaultHeader(API_TOKEN_HEADER, properties.apiToken());
		}
		this.http = builder.build();
	}

	RestClient http() {
		return http;
	}

	DaprProperties properties() {
		return properties;
	}

	/** {@code GET /v1.0/healthz}: 204 once components and the app channel are up. */
	Probe health() {
		return probe("/v1.0/healthz");
	}

	/** {@code GET /v1.0/healthz/outbound}: 204 once the app may call the sidecar (the app channel may still be down). */
	Probe outboundHealth() {
		return probe("/v1.0/healthz/outbound");
	}

	private Probe probe(String path) {
		try {
			HttpStatusCode status = http.get().uri(path).exchange((request, response) -> response.getStatusCode());
			return new Probe(status.value() == 204, "HTTP " + status.value());
		}
		catch (RestClientException ex) {
			return new Probe(false, ex.getMostSpecificCause().toString());
		}
	}

	/**
	 * The start of an error body the sidecar sent, for a log line or an exception: its first
	 * {@value #MAX_ERROR_CHARS} characters, with "…" when there was more. UTF-8 takes up to four bytes a
	 * character, so it reads enough bytes for one character more than it quotes and cuts between
	 * characters; cutting the bytes instead split a character into U+FFFD, the "�" of a broken one.
	 */
	static String brief(InputStream body) throws IOException {
		String read = new String(body.readNBytes(4 * (MAX_ERROR_CHARS + 1)), StandardCharsets.UTF_8);
		String quoted = Characters.cut(read, MAX_ERROR_CHARS);
		boolean cut = quoted.length() < read.length();
		quoted = quoted.strip();
		if (cut) {
			return quoted + "\u2026";
		}
		return quoted.isEmpty() ? "(no body)" : quoted;
	}

	/** The outcome of a health call: {@code answer} is the status, or why there was none. */
	record Probe(boolean ready, String answer) {
	}
}
