package dev.taskflow.assistant.web;

import dev.taskflow.eventing.SharedState;
import dev.taskflow.platform.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * In Dapr mode conversations live in the sidecar's state store. When it cannot be reached the chat is
 * unavailable for a while — a 503 the client may retry, not a 500 that looks like a bug. Ordered ahead
 * of the application-wide handler, which would take any exception as unforeseen.
 */
@RestControllerAdvice(assignableTypes = ChatApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConversationStoreProblems {

	private static final Logger log = LoggerFactory.getLogger(ConversationStoreProblems.class);

	static final long RETRY_AFTER_SECONDS = 5;

	@ExceptionHandler(SharedState.Unavailable.class)
	ResponseEntity<ProblemDetail> unavailable(SharedState.Unavailable ex) {
		log.warn("Chat unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Conversations cannot be read or saved right now (the state store is unavailable). Please try again shortly.");
		problem.setType(ProblemTypes.UNAVAILABLE);
		problem.setTitle("Service Unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
			.body(problem);
	}
}
