package dev.taskflow.platform.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for errors the servlet container answers before (or instead of) Spring MVC: a
 * request Tomcat will not parse (an encoded slash, a broken query), one the firewall rejects
 * ({@code ..} in the path) or a method no servlet serves ({@code TRACE}). Under {@code /api} they get
 * the same problem+json as every other error; elsewhere the error page stays.
 */
final class ContainerProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContainerProblems() {
	}

	/** An encoded slash or backslash ({@code %2F}, {@code %5c}), which separates segments all the same. */
	private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c)", Pattern.CASE_INSENSITIVE);

	/** A path parameter such as {@code ;jsessionid=…}, up to the segment's end. */
	private static final Pattern PATH_PARAMETER = Pattern.compile(";[^/]*");

	private static final List<String> MACHINE_PATHS = List.of("/api", "/dapr", "/mcp", "/actuator",
			"/.well-known");

	/**
	 * Whether a request URI is a page a person opens (or an htmx fragment of one), as opposed to an
	 * endpoint for programs (the API, Dapr's callbacks, MCP, the actuator), which answer errors as JSON.
	 */
	static boolean isPage(String requestUri) {
		return requestUri != null && MACHINE_PATHS.stream().noneMatch(prefix -> isUnder(requestUri, prefix));
	}

	/** Whether a raw request URI (possibly undecodable) is an API path. */
	static boolean isApi(String requestUri) {
		return requestUri != null && isUnder(requestUri, "/api");
	}

	/**
	 * Whether the container's own errors for this URI are problems: the API's, and the MCP endpoint's
	 * (its HTTP-level refusals such as 405 or 413; JSON-RPC errors it writes itself).
	 */
	static boolean answersWithProblems(String requestUri) {
		return isApi(requestUri) || (requestUri != null && isUnder(requestUri, "/mcp"));
	}

	/**
	 * The path or below it, read from the raw request URI as it was meant: {@code //api/tasks},
	 * {@code /api%2Ftasks}, {@code /api%5Ctasks} and {@code /api;jsessionid=1/tasks}, which Tomcat or the
	 * firewall refuse, are still requests for the API.
	 */
	private static boolean isUnder(String requestUri, String prefix) {
		String path = ENCODED_SEPARATOR.matcher(requestUri).replaceAll("/").replace('\\', '/');
		path = PATH_PARAMETER.matcher(path).replaceAll("").replaceAll("/{2,}", "/");
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	static void write(HttpServletResponse response, int status) throws IOException {
		write(response, status, detail(status));
	}

	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		HttpStatus known = HttpStatus.resolve(status);
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// RFC 9457's members, as the API's other problems carry them (not every field of the Java object, nulls too)
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", ApiProblemHandler.typeFor(status).toString());
		members.put("title", (known == null ? HttpStatus.BAD_REQUEST : known).getReasonPhrase());
		members.put("status", status);
		members.put("detail", detail);
		String body = JSON.writeValueAsString(members);
		// with its length known the body is whole the moment it is written, even when the container then
		// drops the connection (as it does after refusing a request) without ending a chunked body
		response.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
		Writer writer = response.getWriter();
		writer.write(body);
		writer.flush();
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "The request could not be read: check its path, query string and headers";
			case 404 -> "No such resource";
			case 405 -> "This method is not allowed here";
			default -> {
				HttpStatus known = HttpStatus.resolve(status);
				yield known == null ? "The request failed" : known.getReasonPhrase();
			}
		};
	}
}
