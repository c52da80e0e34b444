package dev.taskflow.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over real HTTP, like a browser's EventSource: it reads the stream line by
 * line on a thread of its own and collects the events (and comments) it has seen. Close it to hang up.
 */
public final class EventStreamClient implements AutoCloseable {

	/** One event: its {@code event:} name, {@code id:} and {@code data:} (lines joined by newlines). */
	public record Event(String name, String id, String data) {
	}

	private final HttpResponse<Stream<String>> response;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private volatile boolean ended;

	private EventStreamClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		Thread reader = new Thread(this::read, "event-stream-client");
		reader.setDaemon(true);
		reader.start();
	}

	/** Opens {@code url} with a Bearer token; returns once the response headers are in. */
	public static EventStreamClient open(HttpClient http, String url, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return new EventStreamClient(http.send(request, HttpResponse.BodyHandlers.ofLines()));
	}

	/** Sends {@code request} (say, with a session cookie from the client's cookie handler). */
	public static EventStreamClient open(HttpClient http, HttpRequest request) throws Exception {
		return new EventStreamClient(http.send(request, HttpResponse.BodyHandlers.ofLines()));
	}

	public HttpResponse<Stream<String>> response() {
		return response;
	}

	public List<Event> events() {
		return List.copyOf(events);
	}

	public List<Event> events(String name) {
		return events.stream().filter(e -> name.equals(e.name())).toList();
	}

	public List<String> comments() {
		return List.copyOf(comments);
	}

	/** True once the server has ended the response. */
	public boolean ended() {
		return ended;
	}

	@Override
	public void close() {
		response.body().close();
	}

	private void read() {
		String name = null;
		String id = null;
		StringBuilder data = null;
		try (Stream<String> lines = response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (data != null) {
						events.add(new Event(name == null ? "message" : name, id, data.toString()));
					}
					name = null;
					id = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					comments.add(value(line));
				}
				else {
					String field = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
					String value = line.contains(":") ? value(line) : "";
					switch (field) {
						case "event" -> name = value;
						case "id" -> id = value;
						case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
						default -> {
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// hung up by close(), or the connection broke: either way the stream has ended
		}
		finally {
			ended = true;
		}
	}

	/** What follows the first colon, without the one optional space (as EventSource reads it). */
	private static String value(String line) {
		String value = line.substring(line.indexOf(':') + 1);
		return value.startsWith(" ") ? value.substring(1) : value;
	}
}
