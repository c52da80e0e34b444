package dev.taskflow.accounts.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of every authenticated request (session, Basic or token); carries the user id.
 * The password hash is erased after sign-in, so it never sits in a session.
 */
final class AccountUserDetails implements UserDetails, CredentialsContainer {

	private static final List<GrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	private static final List<GrantedAuthority> OPERATOR = List.of(new SimpleGrantedAuthority("ROLE_USER"),
			new SimpleGrantedAuthority("ROLE_OPERATOR"));

	private final UUID id;

	private final String email;

	private final boolean locked;

	private final boolean operator;

	private final UUID tokenId;

	/** Which password and e-mail a session was signed in with (null for a token), see {@link #stampOf}. */
	private final String sessionStamp;

	private String passwordHash;

	AccountUserDetails(UUID id, String email, String passwordHash, boolean locked, boolean operator) {
		this(id, email, passwordHash, locked, operator, null);
	}

	/** @param tokenId the API token the request presented; null for a password sign-in */
	AccountUserDetails(UUID id, String email, String passwordHash, boolean locked, boolean operator, UUID tokenId) {
		this.id = id;
		this.tokenId = tokenId;
		this.email = email;
		this.passwordHash = passwordHash;
		this.locked = locked;
		this.operator = operator;
		this.sessionStamp = passwordHash == null ? null : stampOf(email, passwordHash);
	}

	/**
	 * A digest of the account's e-mail and password hash. A session keeps the stamp it signed in with;
	 * once the password or e-mail changes the stamps differ and the session ends (SignedInSessionCheck),
	 * on every replica, without a registry of sessions.
	 */
	static String stampOf(String email, String passwordHash) {
		return ApiTokenService.hash(email + "\n" + passwordHash).substring(0, 32);
	}

	/** The stamp this principal was signed in with; null when it came from an API token. */
	String sessionStamp() {
		return sessionStamp;
	}

	UUID id() {
		return id;
	}

	/** The API token this request was authenticated with, if it was. */
	java.util.Optional<UUID> tokenId() {
		return java.util.Optional.ofNullable(tokenId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return operator ? OPERATOR : USER;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
