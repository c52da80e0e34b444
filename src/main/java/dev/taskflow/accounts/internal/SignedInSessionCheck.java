package dev.taskflow.accounts.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose account is gone or whose password or e-mail changed since it signed
 * in (another device changed them): the request goes on as anonymous, so a page sends the person to
 * sign in and the API answers 401. The account read here is kept for the request ({@link RequestAccount}).
 */
class SignedInSessionCheck extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final AccountRepository accounts;

	private final RequestMatcher unchecked;

	SignedInSessionCheck(AccountRepository accounts) {
		this(accounts, request -> false);
	}

	/** @param unchecked requests whose answer does not depend on who asks (public files) */
	SignedInSessionCheck(AccountRepository accounts, RequestMatcher unchecked) {
		this.accounts = accounts;
		this.unchecked = unchecked;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return unchecked.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user
				&& user.sessionStamp() != null) {
			Optional<Account> account = accounts.findById(user.id());
			if (account.isPresent()
					&& user.sessionStamp().equals(AccountUserDetails.stampOf(account.get().email(),
							account.get().passwordHash()))) {
				RequestAccount.keep(request, account.get());
			}
			else {
				contexts.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}
}
