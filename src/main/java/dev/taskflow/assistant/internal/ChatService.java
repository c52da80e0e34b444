package dev.taskflow.assistant.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.Characters;
import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.UserText;
import org.springframework.stereotype.Service;

/**
 * One chat turn: load the user's conversation, settle a pending confirmation or choice, otherwise let
 * the engine answer; then hold destructive calls back as a pending action and store the exchange.
 */
@Service
public class ChatService {

	public static final int MAX_MESSAGE = 4000;

	/** The most conversations one page lists, as for tasks. */
	public static final int MAX_LIST = 200;

	public static final int DEFAULT_LIST = 100;

	static final Duration CONFIRMATION_LIFETIME = Duration.ofMinutes(5);

	private static final Pattern YES = Pattern
		.compile("^(?:y|yes|yep|yeah|sure|ok|okay|confirm|do it|go ahead|please do)[.!]*$", Pattern.CASE_INSENSITIVE);

	private static final String ALREADY_ANSWERED = "That was already answered, in another window or by a second click; "
			+ "I did nothing more.";

	private static final Pattern NO = Pattern.compile("^(?:n|no|nope|cancel|stop|don't|never mind)[.!]*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CHOICE = Pattern.compile("^(?:(?:number|no\\.?)\\s*)?(#)?(\\d{1,18})[.!]*$",
			Pattern.CASE_INSENSITIVE);

	private final AssistantTools tools;

	private final ChatEngine engine;

	private final ConversationStore conversations;

	private final Clock clock;

	public ChatService(AssistantTools tools, ChatEngine engine, ConversationStore conversations, Clock clock) {
		this.tools = tools;
		this.engine = engine;
		this.conversations = conversations;
		this.clock = clock;
	}

	public ChatReply chat(CurrentUser user, UUID conversationId, String message) {
		return chat(user, conversationId, message, null);
	}

	/**
	 * A chat turn whose reply text goes to {@code tokens} while a model produces it (nothing is sent
	 * there by engines that answer at once); the returned reply is the whole answer either way.
	 */
	public ChatReply chat(CurrentUser user, UUID conversationId, String message, Consumer<String> tokens) {
		validate(message);
		Instant now = clock.instant();
		Conversation conversation = conversationId == null ? started(user, message, now) : get(user, conversationId);
		ToolTurn turn = new ToolTurn(tools, user);
		Answer answer = answer(user, conversation, message.strip(), turn, now, tokens);
		List<ChatAction> actions = turn.actions();
		Conversation.Message asked = new Conversation.Message("user", message.strip(), List.of(), now);
		Conversation.Message replied = new Conversation.Message("assistant", answer.reply(), actions, now);
		// appended to the conversation as stored now: a turn that ran meanwhile in another tab keeps its messages
		conversations.update(user.id(), conversation.id(), latest -> latest.with(asked, replied, answer.pending(), now));
		return new ChatReply(conversation.id(), answer.reply(), actions, ChatReply.Pending.of(answer.pending()));
	}

	/**
	 * What can be refused before anything is said or done: a missing or too long message, a
	 * conversation that is not the user's (404) or cannot be read (the store is unavailable).
	 */
	public void check(CurrentUser user, UUID conversationId, String message) {
		validate(message);
		if (conversationId != null) {
			get(user, conversationId);
		}
	}

	private static void validate(String message) {
		UserText.require("message", message, UserText.Lines.MANY);
		if (message == null || UserText.isBlank(message)) {
			throw InvalidInput.of("message", "is required");
		}
		if (Characters.count(message) > MAX_MESSAGE) {
			throw InvalidInput.of("message", "must be at most " + MAX_MESSAGE + " characters long");
		}
	}

	/**
	 * A new conversation is stored before the engine acts, so a store that cannot be reached stops the
	 * message before any task is changed, as it does for an existing conversation on reading it.
	 */
	private Conversation started(CurrentUser user, String message, Instant now) {
		Conversation conversation = Conversation.start(user.id(), message, now);
		conversations.save(conversation);
		return conversation;
	}

	/** The explicit form of answering "yes": runs the pending action of the conversation. */
	public ChatReply confirm(CurrentUser user, UUID conversationId) {
		Conversation conversation = get(user, conversationId);
		PendingAction pending = conversation.livePending(clock.instant());
		if (pending == null || pending.kind() != PendingAction.Kind.CONFIRM) {
			throw new Conflict("Nothing in this conversation is waiting for confirmation (or it expired after "
					+ CONFIRMATION_LIFETIME.toMinutes() + " minutes).");
		}
		return chat(user, conversationId, "yes");
	}

	public Conversation get(CurrentUser user, UUID conversationId) {
		return conversations.find(user.id(), conversationId)
			.orElseThrow(() -> new ResourceNotFound("Conversation " + conversationId + " does not exist."));
	}

	public PendingAction livePending(Conversation conversation) {
		return conversation.livePending(clock.instant());
	}

	/** A page of the user's conversations, most recently active first, and the cursor of the next (null on the last). */
	public record ConversationPage(List<Conversation> items, String nextCursor) {
	}

	/**
	 * The user's conversations from {@code cursor} on (null: from the most recent), {@code limit} of
	 * them (1 to {@value #MAX_LIST}). One more is read to tell whether another page follows.
	 */
	public ConversationPage list(CurrentUser user, int limit, String cursor) {
		if (limit < 1 || limit > MAX_LIST) {
			throw InvalidInput.of("limit", "must be a whole number from 1 to " + MAX_LIST);
		}
		List<Conversation> found = conversations.list(user.id(), ConversationCursor.read(cursor), limit + 1);
		boolean more = found.size() > limit;
		List<Conversation> page = more ? found.subList(0, limit) : found;
		return new ConversationPage(page, more ? ConversationCursor.of(page.get(page.size() - 1)) : null);
	}

	public void delete(CurrentUser user, UUID conversationId) {
		if (!conversations.delete(user.id(), conversationId)) {
			throw new ResourceNotFound("Conversation " + conversationId + " does not exist.");
		}
	}

	private record Answer(String reply, PendingAction pending) {
	}

	private Answer answer(CurrentUser user, Conversation conversation, String message, ToolTurn turn, Instant now,
			Consumer<String> tokens) {
		PendingAction pending = conversation.livePending(now);
		if (pending != null && pending.kind() == PendingAction.Kind.CONFIRM) {
			if (YES.matcher(message).matches()) {
				if (!claim(user, conversation.id(), pending)) {
					return new Answer(ALREADY_ANSWERED, null);
				}
				String results = pending.calls().stream().map(turn::confirmed).map(ChatAction::result)
						.collect(Collectors.joining("\n"));
				return new Answer(results, null);
			}
			if (NO.matcher(message).matches()) {
				return new Answer("OK, I won't " + pending.summary() + ".", null);
			}
		}
		if (pending != null && pending.kind() == PendingAction.Kind.CHOOSE) {
			Matcher choice = CHOICE.matcher(message);
			if (choice.matches()) {
				Long chosen = chosen(pending, choice.group(1) != null, Long.parseLong(choice.group(2)));
				if (chosen == null) {
					return new Answer("Please reply with one of the numbers 1 to " + pending.candidates().size() + ".", pending);
				}
				if (!claim(user, conversation.id(), pending)) {
					return new Answer(ALREADY_ANSWERED, null);
				}
				ToolCall call = withTask(pending.calls().get(0), chosen);
				if (AssistantTools.isDestructive(call)) {
					// picking a task says which one, not yes: deleting or completing it still waits for that
					return confirmation(user, null, List.of(call), now);
				}
				ChatAction action = turn.confirmed(call);
				return new Answer(action.error() ? "I couldn't do that: " + action.result() : action.result(), null);
			}
			if (NO.matcher(message).matches()) {
				return new Answer("OK, never mind.", null);
			}
		}
		if (pending == null && conversation.pending() != null && YES.matcher(message).matches()) {
			return new Answer("That request expired after " + CONFIRMATION_LIFETIME.toMinutes()
					+ " minutes, so I did nothing. Please ask again.", null);
		}
		ChatEngine.EngineReply reply = engine.respond(user, conversation, message, turn, tokens);
		List<ToolCall> held = turn.awaitingConfirmation();
		if (held.isEmpty()) {
			return new Answer(reply.reply(), reply.choice());
		}
		return confirmation(user, reply.reply(), held, now);
	}

	/** "Shall I delete #12 “Buy milk”? Reply yes …", after what the engine said, with the calls waiting for it. */
	private Answer confirmation(CurrentUser user, String said, List<ToolCall> held, Instant now) {
		String summary = held.stream().map(call -> tools.preview(user, call)).collect(Collectors.joining(" and "));
		String question = "Shall I " + summary + "? Reply yes to confirm (within "
				+ CONFIRMATION_LIFETIME.toMinutes() + " minutes).";
		String text = said == null || said.isBlank() ? question : said + "\n\n" + question;
		return new Answer(text, new PendingAction(PendingAction.Kind.CONFIRM, summary, held, List.of(),
				now.plus(CONFIRMATION_LIFETIME)));
	}

	/**
	 * Takes the pending action off the stored conversation before carrying it out, so that two answers
	 * to it at once (a double click, two tabs) carry it out once: only the one that finds it still
	 * there goes ahead.
	 */
	private boolean claim(CurrentUser user, UUID conversationId, PendingAction pending) {
		AtomicBoolean claimed = new AtomicBoolean();
		conversations.update(user.id(), conversationId, latest -> {
			claimed.set(pending.equals(latest.pending()));
			return claimed.get() ? latest.withPending(null) : latest;
		});
		return claimed.get();
	}

	/** A number 1..n picks from the list; "#id" names one of the candidates directly. */
	private static Long chosen(PendingAction pending, boolean byId, long value) {
		if (byId) {
			return pending.candidates().contains(value) ? value : null;
		}
		return value >= 1 && value <= pending.candidates().size() ? pending.candidates().get((int) value - 1) : null;
	}

	private static ToolCall withTask(ToolCall template, long taskId) {
		Map<String, Object> arguments = new LinkedHashMap<>(template.arguments());
		arguments.put("task_id", taskId);
		return new ToolCall(template.tool(), arguments);
	}
}
