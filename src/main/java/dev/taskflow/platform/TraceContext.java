package dev.taskflow.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * W3C trace context for events: the {@code traceparent} of the request being served, so a change can
 * be followed from the HTTP call through every consumer, or a fresh one outside a request.
 */
public final class TraceContext {

	private static final Pattern TRACEPARENT = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private TraceContext() {
	}

	public static String currentTraceparent() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			String header = attributes.getRequest().getHeader("traceparent");
			if (isValid(header)) {
				return header;
			}
		}
		return newTraceparent();
	}

	public static boolean isValid(String traceparent) {
		return traceparent != null && TRACEPARENT.matcher(traceparent).matches()
				&& !traceparent.substring(3, 35).equals("0".repeat(32));
	}

	public static String newTraceparent() {
		return "00-" + hex(16) + "-" + hex(8) + "-01";
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}
}
