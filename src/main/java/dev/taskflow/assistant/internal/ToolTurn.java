package dev.taskflow.assistant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taskflow.accounts.CurrentUser;

/**
 * The tool calls of one chat turn. A call repeated with identical arguments (models do retry) is
 * applied once and answered with the first result. Destructive calls (completing, deleting, changing a
 * second task) are not run but collected, so the turn can end with one pending action for the user to
 * confirm.
 */
public final class ToolTurn {

	private final AssistantTools tools;

	private final CurrentUser user;

	private final Map<ToolCall, ChatAction> done = new LinkedHashMap<>();

	private final List<ToolCall> awaitingConfirmation = new ArrayList<>();

	private final java.util.Set<Long> changedTasks = new java.util.HashSet<>();

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
		boolean secondTask = changesAnotherTask(call);
		if (AssistantTools.isDestructive(call) || secondTask) {
			// a task that is not there (or not the user's) is said at once: there is nothing to confirm
			Optional<ChatAction> missing = tools.missingTask(user, call);
			if (missing.isPresent()) {
				done.put(call, missing.get());
				return missing.get();
			}
			hold(call);
			return new ChatAction(call.tool(), call.arguments(), (secondTask ? "Not done yet: this changes a second task, so "
					: "Not done yet: ") + "the user must confirm this first. Ask them to reply yes.", List.of(), false);
		}
		ChatAction action = tools.run(user, call);
		done.put(call, action);
		if (call.tool().equals(AssistantTools.UPDATE) && !action.error()) {
			changedTasks.addAll(action.taskIds());
		}
		return action;
	}

	/**
	 * Holds a call back for the user's "yes" whatever it does: an engine that is not sure the call is
	 * the one meant (a task found by part of its title) proposes it instead of running it.
	 */
	public void hold(ToolCall call) {
		if (!awaitingConfirmation.contains(call)) {
			awaitingConfirmation.add(call);
		}
	}

	/**
	 * Changing more than one task is confirmed like a deletion: the first task a turn changes is
	 * changed at once, a change to any other waits for "yes".
	 */
	private boolean changesAnotherTask(ToolCall call) {
		if (!call.tool().equals(AssistantTools.UPDATE) || changedTasks.isEmpty()) {
			return false;
		}
		try {
			Long id = call.number("task_id");
			return id != null && !changedTasks.contains(id);
		}
		catch (dev.taskflow.platform.InvalidInput ex) {
			return false;
		}
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
