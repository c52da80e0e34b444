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

/** 409 for a stale version, with the current task so the client can merge and retry in one step. */
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
}
