package dev.taskflow.eventing.internal.dapr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes the sidecar calls: pub/sub deliveries and subscriptions ({@code /dapr/**}), the cron
 * binding and scheduled jobs. No users, sessions or CSRF here; the only credential is the shared
 * {@code APP_API_TOKEN}, which daprd sends as {@code dapr-api-token}. Ahead of the user-facing chains
 * so that these paths never end at the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DaprSecurityConfiguration.class);

	@Bean
	@Order(0)
	SecurityFilterChain daprSidecarCalls(HttpSecurity http, DaprProperties properties, JsonMapper json)
			throws Exception {
		if (properties.appApiToken() == null) {
			log.warn("APP_API_TOKEN is not set: the Dapr routes accept calls from anyone who can reach this port");
		}
		http.securityMatcher("/dapr/**", "/" + properties.cronBinding(), "/job/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.addFilterBefore(new AppApiTokenFilter(properties.appApiToken(), json), AnonymousAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.logout(logout -> logout.disable())
			.anonymous(anonymous -> anonymous.disable());
		return http.build();
	}
}
