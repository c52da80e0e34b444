package dev.taskflow.accounts.internal;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final AccountsProperties properties;

	private final Clock clock;

	AccountUserDetailsService(AccountRepository accounts, AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return accounts.findByEmail(AccountInputRules.normalizeEmail(email))
			.map(account -> new AccountUserDetails(account.id(), account.email(), account.passwordHash(),
					account.isLockedAt(clock.instant()), properties.isOperator(account.email())))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}
}
