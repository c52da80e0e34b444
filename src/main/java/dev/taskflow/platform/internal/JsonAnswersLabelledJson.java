package dev.taskflow.platform.internal;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A JSON answer that is not a problem is labelled {@code application/json}, whatever {@code +json} type
 * the request's {@code Accept} named. Spring's JSON converter writes any {@code application/*+json}, so
 * {@code Accept: application/problem+json} turned a created account or a task list into a "problem" by
 * its label. Refusing with a 406 instead would come too late to help: the handler has already run, and a
 * sign-up or a new task would exist behind an error. RFC 9110 (section 12.5.1) lets a server disregard an
 * Accept it cannot honour, which is what this does; problem details keep {@code application/problem+json}.
 */
@ControllerAdvice
class JsonAnswersLabelledJson implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (!(body instanceof ProblemDetail) && !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(selectedContentType)) {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		}
		return body;
	}
}
