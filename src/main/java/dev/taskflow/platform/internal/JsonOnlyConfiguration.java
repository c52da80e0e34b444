package dev.taskflow.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. Spring answers YAML too whenever a YAML library is on the class path
 * (one comes with the OpenAPI tooling), but through a mapper of its own that writes Java's names
 * ({@code dueAt}) instead of the API's ({@code due_at}) and reads YAML bodies the same way: a second,
 * undocumented dialect of every endpoint. Without it {@code Accept: application/yaml} is a 406 and a
 * YAML body a 415.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConfiguration implements WebMvcConfigurer {

	@Override
	@SuppressWarnings("removal")
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList(list -> list.removeIf(
				converter -> converter instanceof JacksonYamlHttpMessageConverter
						|| converter instanceof MappingJackson2YamlHttpMessageConverter));
	}
}
