package dev.taskflow.web.live;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The bytes of {@code text/event-stream} (the HTML standard's "Server-sent events"): an event is
 * {@code event:}, {@code id:} and one {@code data:} line per line of its data, a comment a line that
 * starts with a colon, and a blank line ends each. Written by hand because the stream writes without
 * blocking ({@link LiveStream}), which Spring's {@code SseEmitter} cannot.
 */
final class EventStreamFrames {

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

	private EventStreamFrames() {
	}

	static byte[] event(String name, String id, String data) {
		StringBuilder frame = new StringBuilder(data.length() + 64);
		frame.append("event:").append(singleLine(name)).append('\n');
		frame.append("id:").append(singleLine(id)).append('\n');
		for (String line : LINE_BREAK.split(data, -1)) {
			frame.append("data:").append(line).append('\n');
		}
		return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] comment(String text) {
		return (":" + singleLine(text) + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	/** The first frame: how long the browser waits before reconnecting, and a comment saying hello. */
	static byte[] greeting(long reconnectMillis) {
		return ("retry:" + reconnectMillis + "\n:connected\n\n").getBytes(StandardCharsets.UTF_8);
	}

	/** A line break inside a field would end it early and start a field the sender never meant. */
	private static String singleLine(String value) {
		return LINE_BREAK.matcher(value).replaceAll(" ");
	}
}
