package dev.taskflow.assistant.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import dev.taskflow.platform.InvalidInput;

/**
 * The {@code cursor} of the conversation list: where the previous page ended (the last conversation's
 * activity and id), opaque to clients, so a conversation that becomes active meanwhile moves to the
 * front without shifting or repeating the pages after it.
 */
final class ConversationCursor {

	private ConversationCursor() {
	}

	static String of(Conversation last) {
		String position = last.updatedAt() + " " + last.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor stands for; null for none; a 400 for anything this API did not hand out. */
	static ConversationStore.Position read(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(" ", -1);
			if (parts.length == 2) {
				return new ConversationStore.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// answered below, as any other cursor this API did not hand out
		}
		throw InvalidInput.of("cursor", "is not a cursor this API returned; use the Link header's next page");
	}
}
