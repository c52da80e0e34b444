package dev.taskflow.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as strictly as the task API reads its own fields, which it does by hand: a key
 * given twice ({@code {"title": "a", "title": "b"}}) is refused rather than the last one silently winning,
 * and a number or a boolean where a string belongs ({@code "q": 5}) is "must be a string" rather than
 * quietly turned into {@code "5"}. Only the API's message converter reads this way; the application's own
 * mapper (events, stored conversations, a model's tool calls) keeps Jackson's leniency.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies implements WebMvcConfigurer {

	private final JsonMapper strict;

	StrictJsonBodies(JsonMapper json) {
		this.strict = json.rebuild()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual, strings -> strings
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList(list -> list.replaceAll(
				converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class
						? new JacksonJsonHttpMessageConverter(strict) : converter));
	}
}
