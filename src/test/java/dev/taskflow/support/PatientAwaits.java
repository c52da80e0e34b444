package dev.taskflow.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every {@code await()} in the suite a minute instead of Awaitility's ten seconds. Awaits end as
 * soon as their condition holds, so a passing run is no slower; the longer limit only matters on a
 * loaded CI machine, where an asynchronous consumer on a busy core can take longer than ten seconds and
 * a test would fail without anything being wrong. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class PatientAwaits implements LauncherSessionListener {

	private static final Duration LIMIT = Duration.ofMinutes(1);

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Awaitility.setDefaultTimeout(LIMIT);
	}
}
