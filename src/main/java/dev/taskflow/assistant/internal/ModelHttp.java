package dev.taskflow.assistant.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import dev.taskflow.assistant.internal.ModelClient.ModelUnavailable;
import dev.taskflow.platform.Characters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to a model provider, with one time-out for the whole answer and every failure turned
 * into a {@link ModelUnavailable} whose reason the user can read: no answer in time, a rate limit, a
 * refused key, a server error, or a body that is not JSON. No retries here: a failed message is
 * answered offline at once rather than keeping the user waiting.
 */
final class ModelHttp {

	private static final Logger log = LoggerFactory.getLogger(ModelHttp.class);

	private final RestClient http;

	private final JsonMapper json;

	private final String provider;

	ModelHttp(String provider, Duration timeout, JsonMapper json) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
		this.json = json;
		this.provider = provider;
	}

	JsonMapper json() {
		return json;
	}

	/** POSTs {@code body} as JSON and returns the JSON answer of a 2xx. */
	JsonNode post(URI uri, Map<String, String> headers, Object body) {
		byte[] request = json.writeValueAsBytes(body);
		try {
			return http.post().uri(uri).headers(h -> headers.forEach(h::set)).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(request)
				.exchange((req, response) -> {
					int status = response.getStatusCode().value();
					String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
					if (status / 100 != 2) {
						log.warn("{} answered HTTP {}: {}", provider, status, abbreviate(text));
						throw new ModelUnavailable(reasonFor(status));
					}
					try {
						JsonNode answer = json.readTree(text);
						if (answer == null || !answer.isObject()) {
							throw new ModelUnavailable(provider + " sent an answer that is not a JSON object");
						}
						return answer;
					}
					catch (JacksonException ex) {
						log.warn("{} answered with something that is not JSON: {}", provider, abbreviate(text));
						throw new ModelUnavailable(provider + " sent an answer that is not JSON", ex);
					}
				});
		}
		catch (ResourceAccessException ex) {
			log.warn("{} could not be reached: {}", provider, ex.getMostSpecificCause().toString());
			throw new ModelUnavailable(provider + " did not answer in time or could not be reached", ex);
		}
		catch (RestClientException ex) {
			throw new ModelUnavailable(provider + " could not be used: " + ex.getMostSpecificCause().getClass().getSimpleName(), ex);
		}
	}

	/**
	 * POSTs {@code body} and reads the answer as server-sent events, handing each {@code data:} JSON
	 * object to {@code onEvent} as it arrives (OpenAI ends with {@code data: [DONE]}, Gemini by closing).
	 */
	void stream(URI uri, Map<String, String> headers, Object body, Consumer<JsonNode> onEvent) {
		byte[] request = json.writeValueAsBytes(body);
		try {
			http.post().uri(uri).headers(h -> headers.forEach(h::set)).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
				.body(request)
				.exchange((req, response) -> {
					int status = response.getStatusCode().value();
					if (status / 100 != 2) {
						String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
						log.warn("{} answered HTTP {}: {}", provider, status, abbreviate(text));
						throw new ModelUnavailable(reasonFor(status));
					}
					BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
					boolean any = false;
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (!line.startsWith("data:")) {
							continue;
						}
						String data = line.substring(5).strip();
						if (data.equals("[DONE]")) {
							break;
						}
						onEvent.accept(event(data));
						any = true;
					}
					if (!any) {
						throw new ModelUnavailable(provider + " sent a stream without any event");
					}
					return null;
				});
		}
		catch (ResourceAccessException ex) {
			log.warn("{} could not be reached: {}", provider, ex.getMostSpecificCause().toString());
			throw new ModelUnavailable(provider + " did not answer in time or could not be reached", ex);
		}
		catch (RestClientException ex) {
			throw new ModelUnavailable(provider + " could not be used: " + ex.getMostSpecificCause().getClass().getSimpleName(), ex);
		}
	}

	private JsonNode event(String data) {
		try {
			JsonNode event = json.readTree(data);
			if (event == null || !event.isObject()) {
				throw new ModelUnavailable(provider + " sent a stream event that is not a JSON object");
			}
			return event;
		}
		catch (JacksonException ex) {
			log.warn("{} sent a stream event that is not JSON: {}", provider, abbreviate(data));
			throw new ModelUnavailable(provider + " sent a stream event that is not JSON", ex);
		}
	}

	private String reasonFor(int status) {
		return switch (status) {
			case 401, 403 -> provider + " refused the API key (HTTP " + status + ")";
			case 429 -> provider + " is rate-limiting or out of quota (HTTP 429)";
			default -> status >= 500 ? provider + " had an error (HTTP " + status + ")"
					: provider + " refused the request (HTTP " + status + ")";
		};
	}

	/** A malformed answer: a field the wire format promises is missing or of the wrong type. */
	ModelUnavailable malformed(String what) {
		return new ModelUnavailable(provider + " sent an answer I could not read (" + what + ")");
	}

	private static String abbreviate(String text) {
		return Characters.count(text) > 300 ? Characters.cut(text, 300) + "\u2026" : text;
	}
}
