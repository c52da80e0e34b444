package dev.taskflow.platform;

/**
 * Something the caller asked for does not exist for them. Someone else's resource raises this too,
 * so a caller cannot tell "not yours" from "not there".
 */
public class ResourceNotFound extends RuntimeException {

	public ResourceNotFound(String message) {
		super(message);
	}
}
