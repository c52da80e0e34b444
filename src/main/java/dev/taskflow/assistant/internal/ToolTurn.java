package dev.taskflow.assistant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taskflow.accounts.CurrentUser;

/**
 * The tool calls of one chat turn. A call repeated with identical arguments (models do retry) is
 * applied once and answered with the first result. Destructive calls are not run but collected, so
 * the turn can end with one pending action for the user to confirm.
 */
public final class ToolTurn {

	private final AssistantTools tools;

	private final CurrentUser user;

	private final Map<ToolCall, ChatAction> done = new LinkedHashMap<>();

	private final List<ToolCall> awaitingConfirmation = new ArrayList<>();

	public ToolTurn(AssistantTools tools, CurrentUser user) {
		this.tools = tools;
		this.user = user;
	}

	/**
	 * Runs a call unless it was already run in this turn, or holds it back for confirmation.
	 * @return the action's result, or a note that it awaits confirmation
	 */
	public ChatAction call(ToolCall call) {
		ChatAction earlier = done.get(call);
		if (earlier != null) {
			return earlier;
		}
		if (AssistantTools.isDestructive(call)) {
			if (!awaitingConfirmation.contains(call)) {
				awaitingConfirmation.add(call);
			}
			return new ChatAction(call.tool(), call.arguments(),
					"Not done yet: the user must confirm this first. Ask them to reply yes.", List.of(), false);
		}
		ChatAction action = tools.run(user, call);
		done.put(call, action);
		return action;
	}

	/** Runs calls the user has confirmed. */
	public ChatAction confirmed(ToolCall call) {
		return done.computeIfAbsent(call, c -> tools.run(user, c));
	}

	public List<ChatAction> actions() {
		return List.copyOf(done.values());
	}

	public List<ToolCall> awaitingConfirmation() {
		return List.copyOf(awaitingConfirmation);
	}
}
