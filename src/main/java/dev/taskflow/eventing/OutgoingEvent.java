package dev.taskflow.eventing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Messages for other processes, published (as a Spring application event) inside the transaction
 * that caused them. Spring Modulith's event publication registry stores it in that transaction; the
 * eventing module's relay hands its messages to the transport after commit, retrying until accepted.
 *
 * An ordered event belongs to a {@code stream} (say, one task) and carries that stream's
 * {@code sequence} (1, 2, 3 … without gaps): the relay never publishes a stream out of order.
 */
public record OutgoingEvent(List<Message> messages, String stream, long sequence) {

	/** One envelope for one topic. */
	public record Message(String topic, EventEnvelope envelope) {
	}

	public OutgoingEvent {
		if (messages == null || messages.isEmpty()) {
			throw new IllegalArgumentException("An outgoing event needs at least one message");
		}
		messages = List.copyOf(messages);
		if (stream != null && sequence < 1) {
			throw new IllegalArgumentException("An ordered stream counts from 1");
		}
	}

	public static OutgoingEvent unordered(String topic, EventEnvelope envelope) {
		return new OutgoingEvent(List.of(new Message(topic, envelope)), null, 0);
	}

	public static OutgoingEvent ordered(String stream, long sequence, List<Message> messages) {
		return new OutgoingEvent(messages, stream, sequence);
	}

	@JsonIgnore
	public boolean isOrdered() {
		return stream != null;
	}
}
