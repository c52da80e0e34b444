package dev.taskflow.eventing.internal.dapr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.taskflow.platform.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a call through only if it carries {@code dapr-api-token} equal to {@code APP_API_TOKEN}
 * (compared in constant time); without a configured token every call passes, as in plain Dapr.
 */
class AppApiTokenFilter extends OncePerRequestFilter {

	private final byte[] expected;

	private final JsonMapper json;

	AppApiTokenFilter(String appApiToken, JsonMapper json) {
		this.expected = appApiToken == null ? null : appApiToken.getBytes(StandardCharsets.UTF_8);
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (expected == null || matches(request.getHeader(DaprSidecar.API_TOKEN_HEADER))) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Only the Dapr sidecar may call this route: the 'dapr-api-token' header is missing or wrong.");
		problem.setType(ProblemTypes.UNAUTHENTICATED);
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	private boolean matches(String token) {
		return token != null && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
	}
}
