package dev.taskflow.accounts.internal;

import java.util.Optional;

import jakarta.servlet.ServletRequest;

/**
 * The account a request is authenticated as, kept in the request by the filter that checked the
 * credential (an API token, a signed-in session), so resolving the {@code CurrentUser} parameter later
 * does not read the same row again.
 */
final class RequestAccount {

	private static final String ATTRIBUTE = RequestAccount.class.getName();

	private RequestAccount() {
	}

	static void keep(ServletRequest request, Account account) {
		request.setAttribute(ATTRIBUTE, account);
	}

	static Optional<Account> of(ServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof Account account ? Optional.of(account) : Optional.empty();
	}
}
