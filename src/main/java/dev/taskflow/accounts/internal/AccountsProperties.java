package dev.taskflow.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedSignIns wrong passwords in a row before the account is locked
 * @param lockout how long a locked account stays locked
 */
@ConfigurationProperties("taskflow.accounts")
record AccountsProperties(Integer maxFailedSignIns, Duration lockout) {

	AccountsProperties {
		if (maxFailedSignIns == null) {
			maxFailedSignIns = 5;
		}
		if (lockout == null) {
			lockout = Duration.ofMinutes(15);
		}
		if (maxFailedSignIns < 1) {
			throw new IllegalArgumentException("taskflow.accounts.max-failed-sign-ins must be at least 1");
		}
		if (lockout.isNegative() || lockout.isZero()) {
			throw new IllegalArgumentException("taskflow.accounts.lockout must be a positive duration, e.g. 15m");
		}
	}
}
