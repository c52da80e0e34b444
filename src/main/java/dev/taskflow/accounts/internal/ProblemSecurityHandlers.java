package dev.taskflow.accounts.internal;

import java.io.IOException;
import java.net.URI;

import dev.taskflow.platform.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the API as problem details, never a redirect to the sign-in page. */
final class ProblemSecurityHandlers {

	private final JsonMapper json;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	ProblemSecurityHandlers(JsonMapper json) {
		this.json = json;
	}

	AuthenticationEntryPoint entryPoint() {
		return entryPoint(request -> "Bearer realm=\"taskflow\"");
	}

	/**
	 * For protected resources such as MCP: the challenge names the protected-resource metadata document
	 * (RFC 9728 section 5.1), at this server's own address as the client reached it.
	 */
	AuthenticationEntryPoint resourceMetadataEntryPoint(String metadataPath) {
		return entryPoint(request -> "Bearer realm=\"taskflow\", resource_metadata=\""
				+ ServletUriComponentsBuilder.fromContextPath(request).path(metadataPath).toUriString() + "\"");
	}

	private AuthenticationEntryPoint entryPoint(java.util.function.Function<HttpServletRequest, String> challenge) {
		return (request, response, ex) -> {
			String detail;
			if (ex instanceof ThrottledSignIn.TooManySignInAttempts throttled) {
				response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
				write(response, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
						"Too many failed sign-ins for this e-mail address or from your network. Try again in "
								+ throttled.retryAfterSeconds() + " s, or reset your password.");
				return;
			}
			else if (ex instanceof BadCredentialsException && ex.getMessage() != null
					&& ex.getMessage().startsWith("The API token")) {
				detail = ex.getMessage();
			}
			else if (ex instanceof BadCredentialsException) {
				detail = "Wrong e-mail or password.";
			}
			else {
				detail = "Sign in first: send 'Authorization: Bearer <token>' (create one at /account or POST /api/tokens).";
			}
			response.setHeader("WWW-Authenticate", challenge.apply(request));
			write(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, detail);
		};
	}

	/**
	 * A request refused before anyone signed in (CSRF runs before authentication) is answered as
	 * unauthenticated: "sign in" helps a script author more than "CSRF token missing".
	 */
	AccessDeniedHandler accessDeniedHandler() {
		AuthenticationEntryPoint entryPoint = entryPoint();
		return (request, response, ex) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || trust.isAnonymous(authentication)) {
				entryPoint.commence(request, response, new InsufficientAuthenticationException(ex.getMessage()));
				return;
			}
			write(response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, forbiddenDetail(request, ex));
		};
	}

	/**
	 * Why a signed-in person is refused: our own refusals say why; a missing or stale CSRF token (a browser
	 * request that changes data) says so; an authorization rule (an operators-only endpoint) says that this
	 * account may not, whatever the method.
	 */
	private static String forbiddenDetail(HttpServletRequest request, AccessDeniedException ex) {
		if (ex instanceof CsrfException) {
			return "This request is not allowed. Browser requests that change data need a valid CSRF token.";
		}
		if (ex.getClass() == AccessDeniedException.class && ex.getMessage() != null) {
			return ex.getMessage();
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator")) {
			return "Your account may not use this endpoint: it is for the operators listed in TASKFLOW_OPERATORS.";
		}
		return "Your account may not do this.";
	}

	private void write(HttpServletResponse response, HttpStatus status, URI type, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
