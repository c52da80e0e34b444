package dev.taskflow.assistant.internal;

import java.util.List;
import java.util.Map;

/**
 * What one tool call did, as the chat reply lists it: the tool, its arguments, a readable result and
 * the ids of the tasks it touched (so a client can link to them).
 */
public record ChatAction(String tool, Map<String, Object> arguments, String result, List<Long> taskIds,
		boolean error) {

	public ChatAction {
		arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
		taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
	}

	static ChatAction done(ToolCall call, String result, List<Long> taskIds) {
		return new ChatAction(call.tool(), call.arguments(), result, taskIds, false);
	}

	static ChatAction failed(ToolCall call, String result) {
		return new ChatAction(call.tool(), call.arguments(), result, List.of(), true);
	}
}
