package dev.taskflow.assistant.internal;

import java.util.function.Consumer;

import dev.taskflow.accounts.CurrentUser;

/** Turns a user's message into tool calls (through the turn) and a reply. */
public interface ChatEngine {

	/**
	 * @param history the conversation so far (a model reads its last messages; the offline engine only
	 *        which tasks its previous reply touched, for "it" and "that")
	 */
	EngineReply respond(CurrentUser user, Conversation history, String message, ToolTurn turn);

	/**
	 * The same, handing the reply's text to {@code tokens} while it is produced, where the engine can
	 * (a model streams); the others answer at once. The returned reply is the whole, final text.
	 */
	default EngineReply respond(CurrentUser user, Conversation history, String message, ToolTurn turn,
			Consumer<String> tokens) {
		return respond(user, history, message, turn);
	}

	/** An engine's answer; {@code choice} is set when it needs the user to pick one of several tasks. */
	record EngineReply(String reply, PendingAction choice) {

		public static EngineReply of(String reply) {
			return new EngineReply(reply, null);
		}
	}
}
