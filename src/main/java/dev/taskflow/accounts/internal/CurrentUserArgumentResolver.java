package dev.taskflow.accounts.internal;

import java.util.List;
import java.util.Optional;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller declare a {@link CurrentUser} parameter, however the request was authenticated,
 * and a {@link Credential} parameter for what it was authenticated with.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static {
		// the resolver fills these in from the authentication; SpringDoc would describe them as a required
		// query parameter "user" (or "credential") of every operation that declares one
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class, Credential.class);
	}

	private final AccountRepository accounts;

	CurrentUserArgumentResolver(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType().equals(CurrentUser.class)
				|| parameter.getParameterType().equals(Credential.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user) {
			if (parameter.getParameterType().equals(Credential.class)) {
				return credential(user, webRequest);
			}
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			Optional<Account> checked = request == null ? Optional.empty() : RequestAccount.of(request);
			return checked.or(() -> accounts.findById(user.id()))
				.map(Account::toCurrentUser)
				.orElseThrow(() -> new InsufficientAuthenticationException("The account no longer exists."));
		}
		throw new InsufficientAuthenticationException("Not signed in.");
	}

	private static Credential credential(AccountUserDetails user, NativeWebRequest webRequest) {
		if (user.tokenId().isPresent()) {
			return Credential.apiToken(user.tokenId().get());
		}
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpSession session = request == null ? null : request.getSession(false);
		return session != null ? Credential.session(SessionKeys.of(session), user.sessionStamp())
				: Credential.singleRequest(user.sessionStamp());
	}
}
