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

	/** The document under {@code key} with its version (the store's ETag); empty if there is none. */
	Optional<Versioned> read(String key);

	/**
	 * Saves the document only if the key still holds the version that was read (first-write-wins), so
	 * a read-modify-write by two replicas cannot lose one of them. Without a version (the key did not
	 * exist when read) the save is unconditional: the state API cannot ask for "only if absent".
	 * @return false if someone else changed the key since it was read: read again and retry
	 */
	boolean saveIfUnchanged(String key, String json, String version);

	/** Removes a key; a missing key is fine. */
	void delete(String key);

	/** A document and the version it was read at. */
	record Versioned(String json, String version) {
	}

	/** The state store could not be reached or refused the call. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
