package dev.taskflow.platform;

/** A request that is well-formed but clashes with the current state (e.g. an e-mail already registered). */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}
}
