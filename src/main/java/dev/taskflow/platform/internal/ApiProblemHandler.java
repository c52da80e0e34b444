package dev.taskflow.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taskflow.platform.Conflict;
import dev.taskflow.platform.DatabaseUnavailable;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.ProblemTypes;
import dev.taskflow.platform.RepeatedKeys;
import dev.taskflow.platform.ResourceNotFound;
import dev.taskflow.platform.Throttled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where exceptions become RFC 9457 problem details. Every problem carries a stable
 * {@code type} from {@link ProblemTypes} and a human {@code detail}; nothing internal (class names,
 * stack traces, SQL) ever reaches the client.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private static final Map<Integer, URI> TYPES_BY_STATUS = Map.ofEntries(Map.entry(400, ProblemTypes.MALFORMED_REQUEST),
			Map.entry(401, ProblemTypes.UNAUTHENTICATED), Map.entry(403, ProblemTypes.FORBIDDEN),
			Map.entry(404, ProblemTypes.NOT_FOUND), Map.entry(405, ProblemTypes.METHOD_NOT_ALLOWED),
			Map.entry(406, ProblemTypes.NOT_ACCEPTABLE), Map.entry(409, ProblemTypes.CONFLICT),
			Map.entry(412, ProblemTypes.PRECONDITION_FAILED),
			Map.entry(413, ProblemTypes.PAYLOAD_TOO_LARGE), Map.entry(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE),
			Map.entry(500, ProblemTypes.INTERNAL), Map.entry(503, ProblemTypes.UNAVAILABLE));

	private static final Set<String> REFUSED_CHARACTER_STATES = Set.of("22021", "22P05");

	/** The stable type of a problem with this status; 4xx without one of their own are malformed requests. */
	static URI typeFor(int status) {
		return TYPES_BY_STATUS.getOrDefault(status, status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST);
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
		return validationProblem(ex.getMessage(), ex.problems());
	}

	@ExceptionHandler(ResourceNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ResourceNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<ProblemDetail> conflict(Conflict ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(RequestTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(RequestTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, ex.getMessage());
	}

	@ExceptionHandler(Throttled.class)
	ResponseEntity<ProblemDetail> throttled(Throttled ex) {
		HttpStatus status = ex.serviceWide() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(ex.serviceWide() ? ProblemTypes.UNAVAILABLE : ProblemTypes.TOO_MANY_REQUESTS);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		return answer(status, headers, problem);
	}

	/**
	 * A lock held too long by another change of the same account (an import creating a file's tasks, a
	 * time-zone change re-timing every task: each holds the account's row until it commits; H2 waits two
	 * seconds for a lock and then reports a query time-out), or a deadlock PostgreSQL broke: nothing was
	 * written, and the same request succeeds once that change is done. The detail names no one change:
	 * the one that waited cannot tell which it was.
	 */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> busy(TransientDataAccessException ex, HttpServletRequest request) {
		// not the driver's message: H2's names the locked row with every column (an e-mail, a password
		// hash, a task's title)
		log.info("{} {} waited too long for a lock ({})", request.getMethod(), request.getRequestURI(), sqlState(ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Another change to your account is still being saved (an import, a new time zone …); nothing was saved. "
						+ "Try again in a moment.");
		problem.setType(ProblemTypes.UNAVAILABLE);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "2");
		return answer(HttpStatus.SERVICE_UNAVAILABLE, headers, problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String detail = "'" + ex.getValue() + "' is not a valid value";
		return validationProblem(ex.getName() + ": " + detail,
				List.of(new InvalidInput.FieldProblem(ex.getName(), detail)));
	}

	/**
	 * A query string Tomcat cannot decode ({@code ?q=%}, {@code ?a=1&=}): it only says so when a
	 * parameter is first read, which may be anywhere in the request's handling.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableQuery(InvalidParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
				"The query string is not valid: use key=value pairs joined by & with %XX escapes of UTF-8 bytes");
	}

	/** Anything unforeseen: logged with its stack trace here, reported to the client without one. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (refusedCharacter(ex)) {
			// UserText refuses such text where it enters; this is the net for an entry point it missed
			log.warn("The database refused a character in {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
					"The request holds a character that cannot be stored, such as U+0000 or half of a surrogate pair.");
		}
		if (!request.getRequestURI().startsWith("/api/") || ex instanceof AuthenticationException
				|| ex instanceof AccessDeniedException || DatabaseUnavailable.causedBy(ex)) {
			// the last is answered by DatabaseUnavailableFilter, as it is when the security filters need the database
			throw ex;
		}
		if (hasWildcardContentType(request)) {
			// Spring refuses to read a body whose Content-Type is a pattern (*/*, application/*) with an
			// IllegalArgumentException from deep inside; to the client it is an unsupported media type
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type must name the body's media type, not a pattern such as */*: send application/json");
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
				"Something went wrong on our side. The request was not completed; please try again.");
	}

	/**
	 * PostgreSQL's "character not in repertoire" (22021: a NUL in text) and "untranslatable character"
	 * (22P05): the client sent text no database can store, which is its mistake, not ours.
	 */
	private static boolean refusedCharacter(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// a driver or pool may leave the state out (Hikari's "connection is not available"), and Set.of
			// throws on contains(null): the handler itself failed and logged a stack trace for it
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& REFUSED_CHARACTER_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** What the database said, without its words: {@code SQLSTATE 40001, error 50200}. */
	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return "SQLSTATE " + sql.getSQLState() + ", error " + sql.getErrorCode();
			}
		}
		return ex.getClass().getSimpleName();
	}

	private static boolean hasWildcardContentType(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestTooLarge tooLarge = findCause(ex, RequestTooLarge.class);
		if (tooLarge != null) {
			return cast(tooLarge(tooLarge));
		}
		JacksonException json = findCause(ex, JacksonException.class);
		if (json instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			return cast(validationProblem(field + ": unknown field",
					List.of(new InvalidInput.FieldProblem(field, "unknown field"))));
		}
		String repeated = RepeatedKeys.path(json).orElse(null);
		if (repeated != null) {
			return cast(validationProblem(repeated + ": " + RepeatedKeys.MESSAGE,
					List.of(new InvalidInput.FieldProblem(repeated, RepeatedKeys.MESSAGE))));
		}
		if (json instanceof InvalidFormatException || json instanceof MismatchedInputException) {
			String field = path(json);
			if (!field.isEmpty()) {
				String detail = wrongValue(json);
				return cast(validationProblem(field + ": " + detail,
						List.of(new InvalidInput.FieldProblem(field, detail))));
			}
		}
		String detail = json instanceof StreamReadException read && read.getLocation() != null
				? "The request body is not valid JSON (line " + read.getLocation().getLineNr() + ", column "
						+ read.getLocation().getColumnNr() + ")."
				: "The request body is missing or is not valid JSON.";
		return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, detail));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInput.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new InvalidInput.FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		return cast(validationProblem(new InvalidInput(problems).getMessage(), problems));
	}

	/**
	 * Framework problems (405, 406, 415, unknown routes …) get our stable types too. Outside the API
	 * they are left to the error page, so a browser sees a page rather than JSON.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && ContainerProblems.isPage(servlet.getRequest().getRequestURI())
				&& servlet.getResponse() != null) {
			try {
				servlet.getResponse().sendError(statusCode.value());
				return null;
			}
			catch (IOException io) {
				throw new UncheckedIOException(io);
			}
		}
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(TYPES_BY_STATUS.getOrDefault(statusCode.value(), ProblemTypes.MALFORMED_REQUEST));
		}
		return response;
	}

	/** The same problem written by a filter, before any controller (or this handler) is reached. */
	static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, URI type, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem(status, type, detail).getBody());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return answer(status, HttpHeaders.EMPTY, problem);
	}

	private static ResponseEntity<ProblemDetail> validationProblem(String detail,
			List<InvalidInput.FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return answer(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, problem);
	}

	/**
	 * The problem as JSON under the API. A page (a missing task's history, a query string that does not
	 * decode) gets the error page instead: the status goes to the container's error handling, which renders
	 * it as HTML for a browser, so nobody is shown raw JSON for following a stale link.
	 */
	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, HttpHeaders headers, ProblemDetail problem) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
				&& ContainerProblems.isPage(servlet.getRequest().getRequestURI()) && servlet.getResponse() != null) {
			try {
				headers.forEach((name, values) -> values.forEach(value -> servlet.getResponse().addHeader(name, value)));
				servlet.getResponse().sendError(status.value());
				return null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	/** What is wrong with a value Jackson could not bind; a string field says so as the task API's fields do. */
	private static String wrongValue(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class) {
			return "must be a string";
		}
		return ex instanceof InvalidFormatException format ? "'" + format.getValue() + "' is not a valid value"
				: "has the wrong type";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}
}
