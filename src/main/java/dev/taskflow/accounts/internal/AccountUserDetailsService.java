package dev.taskflow.accounts.internal;


import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final AccountsProperties properties;

	AccountUserDetailsService(AccountRepository accounts, AccountsProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return accounts.findByEmail(AccountInputRules.normalizeEmail(email))
			.map(account -> new AccountUserDetails(account.id(), account.email(), account.passwordHash(),
					false, properties.isOperator(account.email())))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}
}
