package dev.taskflow.accounts.internal;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedSignIns wrong passwords in a row for one e-mail before sign-in slows down (1 s, 2 s, 4 s …)
 * @param lockout the longest wait that slowing down reaches
 * @param maxFailedSignInsPerAddress wrong passwords from one client address (any e-mails) before it slows down
 * @param signInBackOff the first wait once sign-in slows down; it doubles with every further failure
 * @param operators e-mail addresses of the users who may use the operator endpoints under /actuator
 * @param signUpsPerAddress sign-ups one client address may make per {@code signUpWindow} (in a burst,
 * then evenly spread)
 * @param signUpWindow see {@code signUpsPerAddress}
 * @param signUpsPerMinute sign-ups from everyone together per minute
 */
@ConfigurationProperties("taskflow.accounts")
record AccountsProperties(Integer maxFailedSignIns, Duration lockout, Set<String> operators, Integer signUpsPerAddress,
		Duration signUpWindow, Integer signUpsPerMinute, Integer maxFailedSignInsPerAddress, Duration signInBackOff) {

	AccountsProperties {
		signInBackOff = signInBackOff == null ? Duration.ofSeconds(1) : signInBackOff;
		if (signInBackOff.isNegative() || signInBackOff.isZero()) {
			throw new IllegalArgumentException("taskflow.accounts.sign-in-back-off must be positive");
		}
		maxFailedSignInsPerAddress = maxFailedSignInsPerAddress == null ? 20 : maxFailedSignInsPerAddress;
		if (maxFailedSignInsPerAddress < 1) {
			throw new IllegalArgumentException("taskflow.accounts.max-failed-sign-ins-per-address must be at least 1");
		}
		signUpsPerAddress = signUpsPerAddress == null ? 10 : signUpsPerAddress;
		signUpWindow = signUpWindow == null ? Duration.ofHours(1) : signUpWindow;
		signUpsPerMinute = signUpsPerMinute == null ? 30 : signUpsPerMinute;
		if (signUpsPerAddress < 1 || signUpsPerMinute < 1 || signUpWindow.isNegative() || signUpWindow.isZero()) {
			throw new IllegalArgumentException(
					"taskflow.accounts.sign-ups-per-address, sign-ups-per-minute and sign-up-window must be positive");
		}
		operators = operators == null ? Set.of()
				: operators.stream().filter(e -> !e.isBlank()).map(AccountInputRules::normalizeEmail).collect(Collectors.toSet());
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

	boolean isOperator(String email) {
		return operators.contains(email);
	}
}
