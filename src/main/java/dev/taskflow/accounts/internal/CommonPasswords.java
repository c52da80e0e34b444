package dev.taskflow.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * Passwords long enough for the length rule but among the first an attacker tries ({@code password12},
 * {@code 1234567890}, {@code qwertyuiop} …), from {@code accounts/common-passwords.txt}. NIST SP 800-63B
 * asks to refuse such "commonly used" values.
 */
final class CommonPasswords {

	private static final Set<String> LIST = load();

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		return LIST.contains(password.strip().toLowerCase(Locale.ROOT));
	}

	private static Set<String> load() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(
				new ClassPathResource("accounts/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			return lines.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("accounts/common-passwords.txt is part of the application", ex);
		}
	}
}
