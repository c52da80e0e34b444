package dev.taskflow.assistant.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.assistant.internal.AssistantProperties;
import dev.taskflow.assistant.internal.ChatReply;
import dev.taskflow.assistant.internal.ChatService;
import dev.taskflow.eventing.SharedState;
import dev.taskflow.platform.ProblemTypes;
import dev.taskflow.platform.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A chat reply as server-sent events: {@code token} events ({@code {"text": …}}) while the reply is
 * produced — many from a model, the whole text at once from the offline engine — then one
 * {@code reply} event with the complete answer (reply, actions, pending), which is authoritative: a
 * model that fails half-way is followed by the offline answer there. A failure after the stream has
 * started ends it with an {@code error} event carrying a problem document.
 *
 * <p>Replies are produced on threads of their own, at most {@code taskflow.assistant.streaming-replies}
 * at a time; past that a streamed chat is refused with a 503 and {@code Retry-After}. Not on the
 * application's task executor: its eight threads also run the module listeners (the event relay to the
 * sidecar among them), and eight replies waiting on a slow model (up to the time-out per model request,
 * six requests a turn) would hold every event of the service back for minutes.
 */
@Component
class ChatStream implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChatStream.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final ChatService chat;

	private final ThreadPoolTaskExecutor replies;

	private final Duration timeout;

	ChatStream(ChatService chat, AssistantProperties properties) {
		this.chat = chat;
		// every model request of a turn may take the whole time-out, and the tools need a moment too
		this.timeout = properties.timeout().multipliedBy(properties.maxToolRounds() + 1L);
		// this stream's own: nothing else submits to it, and its size is the assistant's setting
		this.replies = new ThreadPoolTaskExecutor();
		replies.setThreadNamePrefix("chat-reply-");
		replies.setCorePoolSize(properties.streamingReplies());
		replies.setMaxPoolSize(properties.streamingReplies());
		replies.setQueueCapacity(0); // a reply that cannot start now is refused, not queued behind slow ones
		replies.setAllowCoreThreadTimeOut(true);
		// at shutdown, no interrupt (one inside an H2 call closes the database for the whole process):
		// the replies under way get as long as a graceful shutdown gives requests to finish
		replies.setWaitForTasksToCompleteOnShutdown(true);
		replies.setAwaitTerminationSeconds(30);
		replies.initialize();
	}

	/** Checks what can be refused up front (so that is a plain 4xx), then answers on another thread. */
	SseEmitter start(CurrentUser user, UUID conversationId, String message) {
		chat.check(user, conversationId, message);
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		// the request stays readable until the stream ends: its traceparent goes on the events of the turn
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		try {
			replies.execute(() -> {
				RequestContextHolder.setRequestAttributes(request);
				try {
					answer(emitter, user, conversationId, message);
				}
				finally {
					RequestContextHolder.resetRequestAttributes();
				}
			});
		}
		catch (TaskRejectedException ex) {
			throw Throttled.serviceWide("The assistant is answering as many conversations as it can right now; "
					+ "try again in a moment.", RETRY_AFTER);
		}
		return emitter;
	}

	/** Gives the replies under way up to 30 s to finish (a turn is saved at its end) before the rest shuts down. */
	@Override
	public void destroy() {
		replies.shutdown();
	}

	private void answer(SseEmitter emitter, CurrentUser user, UUID conversationId, String message) {
		AtomicBoolean streamed = new AtomicBoolean();
		AtomicBoolean gone = new AtomicBoolean();
		Consumer<String> tokens = text -> {
			streamed.set(true);
			send(emitter, gone, SseEmitter.event().name("token").data(Map.of("text", text), MediaType.APPLICATION_JSON));
		};
		try {
			ChatReply reply = chat.chat(user, conversationId, message, tokens);
			if (!streamed.get() && reply.reply() != null) {
				tokens.accept(reply.reply());
			}
			send(emitter, gone, SseEmitter.event().name("reply").data(reply, MediaType.APPLICATION_JSON));
			emitter.complete();
		}
		catch (RuntimeException ex) {
			send(emitter, gone, SseEmitter.event().name("error").data(problem(ex), MediaType.APPLICATION_PROBLEM_JSON));
			emitter.complete();
		}
	}

	private static ProblemDetail problem(RuntimeException ex) {
		if (ex instanceof SharedState.Unavailable) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"Conversations cannot be read or saved right now (the state store is unavailable). Please try again shortly.");
			problem.setType(ProblemTypes.UNAVAILABLE);
			return problem;
		}
		log.error("Chat stream failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again.");
		problem.setType(ProblemTypes.INTERNAL);
		return problem;
	}

	/** A client that went away stops getting events; the turn still finishes and is saved. */
	private static void send(SseEmitter emitter, AtomicBoolean gone, SseEmitter.SseEventBuilder event) {
		if (gone.get()) {
			return;
		}
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			gone.set(true);
		}
	}
}
