package dev.taskflow.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import dev.taskflow.platform.DatabaseUnavailable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that failed for want of the database ({@link DatabaseUnavailable}) with a 503 and
 * {@code Retry-After}, wherever it failed: in the security filters (the API token or session check) or in
 * a controller ({@link ApiProblemHandler} lets it through). Machine paths get a problem document, pages
 * a page of their own. Without it the container's error dispatch would need the database again (the
 * same filters, the error page's menus) and the client got a response cut off in the middle.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private static final String DETAIL = "TaskFlow cannot reach its database right now. Try again in a moment.";

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final byte[] PAGE = read("errors/database-unavailable.html");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (response.isCommitted() || !DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			// one line, no stack trace: it would say nothing an operator can act on, once per request
			log.warn("{} {} answered 503, the database is out of reach: {}", request.getMethod(), request.getRequestURI(),
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
			if (!ContainerProblems.isPage(request.getRequestURI())) {
				ContainerProblems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DETAIL);
				return;
			}
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getOutputStream().write(PAGE);
		}
	}

	private static byte[] read(String path) {
		try (InputStream page = new ClassPathResource(path).getInputStream()) {
			return page.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
