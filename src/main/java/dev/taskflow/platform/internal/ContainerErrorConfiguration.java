package dev.taskflow.platform.internal;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error under {@code /api}, and every HTTP-level one of {@code /mcp}, is problem+json, including
 * those Spring MVC never sees: Tomcat's own rejections (its error report valve) and errors forwarded to
 * {@code /error} by the container (a path the firewall rejects, {@code TRACE}, a servlet's
 * {@code sendError}), which Boot would otherwise answer with its own JSON shape.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
			}
		});
	}

	@Bean
	FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatchFilter() {
		FilterRegistrationBean<ApiErrorDispatchFilter> registration = new FilterRegistrationBean<>(
				new ApiErrorDispatchFilter());
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Answers the container's error dispatch for an API request with a problem, before Boot's error controller. */
	static class ApiErrorDispatchFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			if (request.getDispatcherType() == DispatcherType.ERROR && uri instanceof String path
					&& ContainerProblems.answersWithProblems(path) && status instanceof Integer code && code >= 400 && code < 500
					&& !response.isCommitted()) {
				ContainerProblems.write(response, code);
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
