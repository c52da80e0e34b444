package dev.taskflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium, driven by Playwright, for the browser tests: Playwright downloads no browser of
 * its own (the machines reach no download site). Use with
 * {@code @EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)}.
 */
public final class Chromium {

	public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	public static final String MISSING = "/usr/bin/chromium is missing: scripts/install-test-browser.sh installs it";

	private Chromium() {
	}

	/** Whether the browser tests can run; with {@code -Dtaskflow.test.browser=required} (CI) a missing browser fails. */
	public static boolean isInstalled() {
		boolean installed = Files.isExecutable(EXECUTABLE);
		if (!installed && "required".equals(System.getProperty("taskflow.test.browser"))) {
			fail(EXECUTABLE + " is missing, so the browser tests cannot run. "
					+ "Install it with scripts/install-test-browser.sh.");
		}
		return installed;
	}

	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	/** A headless Chromium; also sets the assertion timeout that a loaded machine needs. */
	public static Browser launch(Playwright playwright) {
		PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				// root in CI needs --no-sandbox; a container's small /dev/shm would crash tabs without the last one
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage")));
	}
}
