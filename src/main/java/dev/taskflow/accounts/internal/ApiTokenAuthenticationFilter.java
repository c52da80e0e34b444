package dev.taskflow.accounts.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tf_…} requests with a personal API token. The
 * authentication lives for the request only: token calls never create a session. The token's account
 * is kept for the request ({@link RequestAccount}), so the controller's {@code CurrentUser} costs no
 * second read.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	private final ApiTokenService tokens;

	private final AccountRepository accounts;

	private final AccountsProperties properties;

	private final AuthenticationEntryPoint entryPoint;

	ApiTokenAuthenticationFilter(ApiTokenService tokens, AccountRepository accounts, AccountsProperties properties,
			AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.properties = properties;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokenService.TokenOwner> owner = tokens.authenticate(header.substring(BEARER.length()).trim());
		Optional<Account> account = owner.flatMap(token -> accounts.findById(token.userId()));
		if (account.isEmpty()) {
			contexts.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("The API token is invalid or revoked."));
			return;
		}
		var user = new AccountUserDetails(account.get().id(), account.get().email(), null, false,
				properties.isOperator(account.get().email()), owner.get().tokenId());
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		contexts.setContext(context);
		// kept in the request (not a session) so that an async dispatch, such as the end of an SSE
		// stream, is still authenticated
		requestContexts.saveContext(context, request, response);
		RequestAccount.keep(request, account.get());
		chain.doFilter(request, response);
	}
}
