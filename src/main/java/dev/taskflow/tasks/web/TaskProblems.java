package dev.taskflow.tasks.web;

import dev.taskflow.platform.ProblemTypes;
import dev.taskflow.tasks.StaleTaskVersion;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 409 for a stale version, with the current task so the client can merge and retry in one step; 412 for a
 * weak ETag in If-Match, which matches no version at all.
 */
@RestControllerAdvice(assignableTypes = TaskApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskProblems {

	@ExceptionHandler(StaleTaskVersion.class)
	ResponseEntity<ProblemDetail> stale(StaleTaskVersion ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.STALE_VERSION);
		problem.setTitle("Stale version");
		TaskResponse current = TaskResponse.of(ex.current());
		problem.setProperty("current", current);
		return ResponseEntity.status(HttpStatus.CONFLICT).eTag(current.etag()).body(problem);
	}

	@ExceptionHandler(IfMatch.WeakTag.class)
	ResponseEntity<ProblemDetail> weakTag(IfMatch.WeakTag ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setType(ProblemTypes.PRECONDITION_FAILED);
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
	}
}
