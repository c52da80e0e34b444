package dev.taskflow.platform.internal;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.lang.Nullable;
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
 * quietly turned into {@code "5"}. Only request bodies are read this way; the application's own mapper
 * (events, stored conversations, a model's tool calls) keeps Jackson's leniency.
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
		converters.configureMessageConvertersList(list -> {
			int lenient = list.indexOf(list.stream()
				.filter(converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class)
				.findFirst()
				.orElseThrow());
			list.add(lenient, new ApiBodies(strict));
		});
	}

	/**
	 * The strict reader, for every body but a bare map: the actuator reads its operations' arguments as
	 * {@code Map<String, String>} and converts them itself, so the documented
	 * {@code POST /actuator/eventing/replay {"id": 42}} was "id: must be a string". TaskFlow's own
	 * endpoints read records and trees, never maps; maps go to Spring's lenient reader after this one.
	 */
	private static final class ApiBodies extends JacksonJsonHttpMessageConverter {

		ApiBodies(JsonMapper strict) {
			super(strict);
		}

		@Override
		public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
			return !Map.class.isAssignableFrom(type.toClass()) && super.canRead(type, mediaType);
		}
	}
}
