import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's event-latency driver (run by bench/run as a single-file program: {@code java
 * bench/EventLatency.java …}). Measures over real HTTP what a user notices of the event path:
 *
 * <ul>
 * <li>{@code next-instance BASE TOKEN FIRST_ID COUNT}: completes COUNT seeded daily recurring tasks
 * (ids FIRST_ID, FIRST_ID+1, … with titles "… rec-NNNNNN"), one at a time, and polls the list API
 * every 2 ms until the next instance shows up: complete sent → instance listed.</li>
 * <li>{@code reminders BASE TOKEN COUNT SPREAD_SECONDS}: opens {@code /api/stream}, creates COUNT
 * tasks whose reminders fall evenly over SPREAD_SECONDS from five seconds on, and records when each
 * {@code notification.created} arrives: arrival − reminder time is the lateness.</li>
 * </ul>
 * Prints one {@code RESULT} line per measurement, like the wrk scripts.
 */
public class EventLatency {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*(\\d+)");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "next-instance" -> nextInstance(args[1], args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
					Long.parseLong(args[5]));
			case "reminders" -> reminders(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			default -> throw new IllegalArgumentException("next-instance or reminders, not " + args[0]);
		}
	}

	/** {@code seriesOffset} is the seeded g of FIRST_ID, which makes up the title "rec-NNNNNN". */
	static void nextInstance(String base, String token, long firstId, int count, long firstG) throws Exception {
		List<Double> latencies = new ArrayList<>();
		int errors = 0;
		for (int i = 0; i < count; i++) {
			long id = firstId + i;
			String key = String.format("rec-%06d", firstG + i);
			long start = System.nanoTime();
			HttpResponse<String> completed = send(base, token, "POST", "/api/tasks/" + id + "/complete", null);
			if (completed.statusCode() != 200) {
				errors++;
				continue;
			}
			boolean seen = false;
			while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
				HttpResponse<String> listed = send(base, token, "GET", "/api/tasks?status=pending&q=" + key, null);
				if (listed.statusCode() == 200 && listed.body().contains("\"id\"")) {
					seen = true;
					break;
				}
				Thread.sleep(2);
			}
			if (seen) {
				latencies.add((System.nanoTime() - start) / 1e6);
			}
			else {
				errors++;
			}
		}
		report("next_instance", latencies, errors);
	}

	static void reminders(String base, String token, int count, int spreadSeconds) throws Exception {
		Map<Long, Instant> arrivals = new ConcurrentHashMap<>();
		HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(base + "/api/stream"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<Stream<String>> stream = http.send(streamRequest, HttpResponse.BodyHandlers.ofLines());
		if (stream.statusCode() != 200) {
			throw new IllegalStateException("GET /api/stream answered " + stream.statusCode());
		}
		Thread reader = new Thread(() -> {
			String[] event = { null };
			try {
				stream.body().forEach(line -> {
					if (line.startsWith("event:")) {
						event[0] = line.substring(6).trim();
					}
					else if (line.startsWith("data:") && "notification.created".equals(event[0])) {
						Matcher m = TASK_ID.matcher(line);
						if (m.find()) {
							arrivals.putIfAbsent(Long.parseLong(m.group(1)), Instant.now());
						}
					}
					else if (line.isEmpty()) {
						event[0] = null;
					}
				});
			}
			catch (RuntimeException ex) {
				// the stream ends when the driver exits
			}
		}, "sse-reader");
		reader.setDaemon(true);
		reader.start();

		Instant first = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
		Map<Long, Instant> remindAt = new ConcurrentHashMap<>();
		int errors = 0;
		for (int i = 0; i < count; i++) {
			Instant at = first.plusMillis((long) i * spreadSeconds * 1000 / count);
			String body = "{\"title\": \"Reminder " + i + "\", \"reminders\": [{\"at\": \"" + at + "\"}]}";
			HttpResponse<String> created = send(base, token, "POST", "/api/tasks", body);
			Matcher m = ID.matcher(created.body());
			if (created.statusCode() != 201 || !m.find()) {
				errors++;
				continue;
			}
			remindAt.put(Long.parseLong(m.group(1)), at);
		}
		if (Instant.now().isAfter(first)) {
			System.err.println("warning: creating the reminder tasks took longer than the 5 s lead; early ones may look late");
		}
		Instant deadline = first.plusSeconds(spreadSeconds + 30);
		while (Instant.now().isBefore(deadline) && !arrivals.keySet().containsAll(remindAt.keySet())) {
			Thread.sleep(50);
		}
		List<Double> lateness = new ArrayList<>();
		for (var entry : remindAt.entrySet()) {
			Instant arrived = arrivals.get(entry.getKey());
			if (arrived == null) {
				errors++;
			}
			else {
				lateness.add(Duration.between(entry.getValue(), arrived).toNanos() / 1e6);
			}
		}
		report("reminder_late", lateness, errors);
	}

	static HttpResponse<String> send(String base, String token, String method, String path, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10));
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void report(String op, List<Double> values, int errors) {
		Collections.sort(values);
		System.out.printf(java.util.Locale.ROOT, "RESULT op=%s count=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d%n",
				op, values.size(), percentile(values, 50), percentile(values, 95), percentile(values, 99),
				values.isEmpty() ? Double.NaN : values.get(values.size() - 1), errors);
	}

	/** Nearest-rank percentile. */
	static double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}
}
