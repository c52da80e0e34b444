package dev.taskflow.platform.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;

import dev.taskflow.platform.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an API request body sent compressed ({@code Content-Encoding: gzip}): nothing here decompresses
 * bodies, so the JSON reader met the compressed bytes and answered "not valid JSON (line 1, column 1)".
 * RFC 9110 §15.5.16 asks for a 415 that lists the codings accepted in {@code Accept-Encoding}; only
 * {@code identity} is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 9)
class ApiContentEncoding extends OncePerRequestFilter {

	private static final String IDENTITY = "identity";

	private final JsonMapper json;

	ApiContentEncoding(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasBody(request) && !isIdentity(request)) {
			response.setHeader(HttpHeaders.ACCEPT_ENCODING, IDENTITY);
			ApiProblemHandler.write(response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
					"The request body is encoded (Content-Encoding: " + request.getHeader(HttpHeaders.CONTENT_ENCODING)
							+ "), which TaskFlow does not decode: send it uncompressed.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/** No Content-Encoding, or only {@code identity} (which RFC 9110 says not to send, but means none). */
	private static boolean isIdentity(HttpServletRequest request) {
		return Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))
			.stream()
			.flatMap(header -> Arrays.stream(header.split(",")))
			.map(String::strip)
			.allMatch(coding -> coding.isEmpty() || coding.equalsIgnoreCase(IDENTITY));
	}
}
