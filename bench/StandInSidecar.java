import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's stand-in for a Dapr sidecar, for the outbox-after-an-outage measurement
 * (bench/README.md): what TaskFlow's Dapr mode calls on its sidecar, answered as daprd answers when its
 * components are healthy, and nothing delivered back. The outage is this process being stopped, which is
 * what a crashed or restarting sidecar looks like to the application: connections refused.
 *
 *   java bench/StandInSidecar.java PORT
 *
 * GET /bench/published answers how many messages it accepted since it started.
 */
public class StandInSidecar {

	public static void main(String[] args) throws IOException {
		AtomicLong published = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
		server.setExecutor(Executors.newFixedThreadPool(8));
		// GET /v1.0/healthz and /v1.0/healthz/outbound: 204 when ready (readiness and the start-up wait)
		server.createContext("/v1.0/healthz", exchange -> answer(exchange, 204, ""));
		// POST /v1.0/publish/{pubsub}/{topic}: 204 once the broker has the message
		server.createContext("/v1.0/publish/", exchange -> {
			if (!"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 405, "");
				return;
			}
			drain(exchange.getRequestBody());
			published.incrementAndGet();
			answer(exchange, 204, "");
		});
		// the jobs and state APIs: accepted (POST, DELETE) or nothing stored yet (GET)
		server.createContext("/v1.0-alpha1/jobs/", exchange -> {
			drain(exchange.getRequestBody());
			answer(exchange, "GET".equals(exchange.getRequestMethod()) ? 404 : 204, "");
		});
		server.createContext("/v1.0/state/", exchange -> {
			drain(exchange.getRequestBody());
			answer(exchange, 204, "");
		});
		server.createContext("/bench/published", exchange -> answer(exchange, 200, published.get() + "\n"));
		server.createContext("/", exchange -> answer(exchange, 404, ""));
		server.start();
		System.out.println("stand-in sidecar listening on " + args[0]);
	}

	private static void drain(InputStream body) throws IOException {
		body.transferTo(OutputStream.nullOutputStream());
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}
}
