package dev.taskflow.accounts.internal;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Announces the end of a signed-in session (sign-out, expiry) as {@link CredentialEnded}, so what was
 * opened with it, such as a live stream, ends with it rather than outliving the sign-out.
 */
@Configuration(proxyBeanMethods = false)
class SessionEndings {

	private final ApplicationEventPublisher events;

	SessionEndings(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** Turns the container's session lifecycle into application events (Boot registers it as a listener). */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@EventListener
	void on(HttpSessionDestroyedEvent event) {
		String key = SessionKeys.ofEnding(event.getSession());
		if (key == null) {
			return;
		}
		for (SecurityContext context : event.getSecurityContexts()) {
			if (context.getAuthentication() != null
					&& context.getAuthentication().getPrincipal() instanceof AccountUserDetails user) {
				events.publishEvent(new CredentialEnded(user.id(), Credential.session(key, user.sessionStamp())));
			}
		}
	}
}
