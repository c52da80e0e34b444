package dev.taskflow.eventing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Messages for other processes, put in the {@link Outbox} inside the transaction that caused them.
 *
 * An ordered event belongs to a {@code stream} (say, one task) and carries that stream's
 * {@code sequence} (1, 2, 3 … without gaps): a stream is never published out of order. The
 * transactions that publish one stream's events must change a row of that stream (the task), so
 * that they commit one after the other.
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
