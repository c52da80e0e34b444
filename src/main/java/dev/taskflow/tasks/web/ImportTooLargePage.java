package dev.taskflow.tasks.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The data page again, saying the file is too large, for an upload over the multipart limit
 * ({@code spring.servlet.multipart.max-request-size}). Tomcat stops reading such an upload when the first
 * form field is read, in the CSRF check, long before {@link TaskTransferPagesController} could compare the
 * file with its 2 MB; the request ends in a 413 error, which would otherwise show the generic error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportTooLargePage implements ErrorViewResolver {

	private static final String IMPORT = "/account/data/import";

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (status.value() != 413 || !IMPORT.equals(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
			return null;
		}
		return new ModelAndView("tasks/data", Map.of("fileError", TaskTransferPagesController.TOO_LARGE),
				HttpStatus.UNPROCESSABLE_CONTENT);
	}
}
