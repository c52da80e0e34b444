package dev.taskflow.eventing;

import java.util.Optional;

/**
 * Small JSON documents kept outside the process, shared by every replica: the Dapr state API on the
 * {@code taskflow-statestore} component. A bean exists in the {@code dapr} transport only; embedded
 * mode keeps such data in its database instead.
 */
public interface SharedState {

	/** The document saved under {@code key}, as JSON text; empty if there is none. */
	Optional<String> get(String key);

	/** Saves (or replaces) the JSON document under {@code key}. */
	void save(String key, String json);

	/** Removes a key; a missing key is fine. */
	void delete(String key);

	/** The state store could not be reached or refused the call. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
