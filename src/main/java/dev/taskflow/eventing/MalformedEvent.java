package dev.taskflow.eventing;

/**
 * An event that can never be processed (not a CloudEvent, an unknown type, a body that breaks its
 * schema). Transports do not retry it: Dapr gets DROP (and dead-letters it), the embedded transport
 * moves it to its dead-letter store at once.
 */
public class MalformedEvent extends RuntimeException {

	public MalformedEvent(String message) {
		super(message);
	}

	public MalformedEvent(String message, Throwable cause) {
		super(message, cause);
	}
}
