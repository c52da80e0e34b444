package dev.taskflow.assistant.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.ModelClient.ModelAnswer;
import dev.taskflow.assistant.internal.ModelClient.ModelMessage;
import dev.taskflow.assistant.internal.ModelClient.ModelToolCall;
import dev.taskflow.assistant.internal.ModelClient.ModelUnavailable;

/**
 * The engine for a language model (Gemini or any OpenAI-compatible one): the model reads the
 * conversation and calls the same five tools as every other engine, through the turn, so the acting
 * user is always the signed-in one and destructive calls wait for confirmation. Dates stay words the
 * model passes on; our parser reads them on the server.
 *
 * <p>When the model cannot answer (time-out, rate limit, refused key, server error, nonsense) or the
 * user has used up their share of model calls, the offline engine answers that message, with a note
 * saying why.
 */
class ModelEngine implements ChatEngine {

	/** Earlier messages the model sees, so "move it to Friday" can refer back. */
	static final int HISTORY = 20;

	private final ModelClient model;

	private final OfflineEngine offline;

	private final ModelCallLimit limit;

	private final int maxToolRounds;

	private final Clock clock;

	ModelEngine(ModelClient model, OfflineEngine offline, ModelCallLimit limit, int maxToolRounds, Clock clock) {
		this.model = model;
		this.offline = offline;
		this.limit = limit;
		this.maxToolRounds = maxToolRounds;
		this.clock = clock;
	}

	@Override
	public EngineReply respond(CurrentUser user, Conversation history, String message, ToolTurn turn) {
		return respond(user, history, message, turn, null);
	}

	@Override
	public EngineReply respond(CurrentUser user, Conversation history, String message, ToolTurn turn,
			Consumer<String> tokens) {
		List<ModelMessage> transcript = transcript(history, message);
		String instructions = instructions(user);
		for (int round = 0; round < maxToolRounds; round++) {
			Optional<String> overLimit = limit.take(user.id());
			if (overLimit.isPresent()) {
				return instead(user, history, message, turn, "You have reached your limit of " + overLimit.get()
						+ " requests to the language model");
			}
			ModelAnswer answer;
			try {
				answer = tokens == null ? model.next(instructions, transcript) : model.stream(instructions, transcript, tokens);
			}
			catch (ModelUnavailable ex) {
				return instead(user, history, message, turn, model.describe() + " was unavailable: " + ex.getMessage());
			}
			if (answer.calls().isEmpty()) {
				return EngineReply.of(answer.text());
			}
			transcript.add(new ModelMessage.Assistant(answer.text(), answer));
			for (ModelToolCall call : answer.calls()) {
				transcript.add(new ModelMessage.ToolResult(call, turn.call(new ToolCall(call.name(), call.arguments()))));
			}
		}
		return EngineReply.of(done(turn) + "I stopped there: the model kept asking for more steps than one message allows ("
				+ maxToolRounds + ").");
	}

	/** What a tool result says to the model. */
	static String resultText(ChatAction action) {
		return action.error() ? "Error: " + action.result() : action.result();
	}

	/**
	 * The offline engine answers instead, unless tools already ran in this turn: then running the
	 * message again offline could do the same thing twice, so the user hears what was done.
	 */
	private EngineReply instead(CurrentUser user, Conversation history, String message, ToolTurn turn, String why) {
		if (!turn.actions().isEmpty() || !turn.awaitingConfirmation().isEmpty()) {
			return EngineReply.of(done(turn) + why + ", so I stopped there.");
		}
		EngineReply answer = offline.respond(user, history, message, turn);
		String note = why + ". The built-in assistant answered instead.";
		return new EngineReply(answer.reply() == null || answer.reply().isBlank() ? note : note + "\n\n" + answer.reply(),
				answer.choice());
	}

	private static String done(ToolTurn turn) {
		return turn.actions().isEmpty() ? ""
				: "Done so far:\n" + turn.actions().stream().map(ChatAction::result).collect(Collectors.joining("\n")) + "\n\n";
	}

	private static List<ModelMessage> transcript(Conversation history, String message) {
		List<ModelMessage> transcript = new ArrayList<>();
		List<Conversation.Message> earlier = history.messages();
		for (Conversation.Message said : earlier.subList(Math.max(0, earlier.size() - HISTORY), earlier.size())) {
			if (said.content() == null || said.content().isBlank()) {
				continue;
			}
			transcript.add(said.role().equals("user") ? new ModelMessage.User(said.content())
					: new ModelMessage.Assistant(said.content(), null));
		}
		transcript.add(new ModelMessage.User(message));
		return transcript;
	}

	private String instructions(CurrentUser user) {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(user.timeZone()));
		return "You are TaskFlow's assistant and manage the signed-in user's tasks with the tools given. "
				+ "It is " + now.format(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH)) + " in the user's time zone ("
				+ user.timeZone() + "). "
				+ "Pass dates and times to the tools exactly as the user said them ('next Tuesday 5pm', 'Dec 24', 'this week'): "
				+ "the server reads them; never work out dates yourself. "
				+ "To act on a task the user names, first call list_tasks with a query to find its id; if several match, ask which one. "
				+ "Completing or deleting a task waits for the user's confirmation: the tool says so; then ask them to reply yes. "
				+ "Answer briefly, in the user's language.";
	}
}
