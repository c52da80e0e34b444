package dev.taskflow.platform.internal;

import java.util.Collection;
import java.util.Map;

import dev.taskflow.platform.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API query parameter given twice where it takes one value ({@code limit=1&limit=2},
 * {@code unread=true&unread=false}): Spring would silently take the first, so the client gets an answer to a
 * question it may not have asked. A parameter bound to a collection, an array or a map takes several.
 */
@Configuration(proxyBeanMethods = false)
class SingleValueParameters implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			FieldErrors errors = new FieldErrors();
			for (MethodParameter parameter : method.getMethodParameters()) {
				String name = singleValueName(parameter);
				String[] values = name == null ? null : request.getParameterValues(name);
				if (values != null && values.length > 1) {
					errors.addRepeated(name, values.length);
				}
			}
			errors.throwIfAny();
		}
		return true;
	}

	/** The query parameter's name if the handler takes one value of it, else null. */
	private static String singleValueName(MethodParameter parameter) {
		RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
		Class<?> type = parameter.getParameterType();
		if (annotation == null || type.isArray() || Collection.class.isAssignableFrom(type)
				|| Map.class.isAssignableFrom(type)) {
			return null;
		}
		return annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
	}
}
