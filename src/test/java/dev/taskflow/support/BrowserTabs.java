package dev.taskflow.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tabs for a journey test against the application under test ({@code RANDOM_PORT}), with
 * what every such test needs: one headless Chromium per test class ({@link Chromium}), contexts that
 * open the app's pages in {@value #TIME_ZONE}, a full-page screenshot of every open tab when a test
 * fails (in {@code target/browser-journeys}), and a test that fails if any tab logged an error to its
 * console or threw. Register it as a static field:
 * {@code @RegisterExtension static final BrowserTabs tabs = new BrowserTabs();}
 */
public final class BrowserTabs implements BeforeAllCallback, AfterTestExecutionCallback,
		AfterEachCallback, AfterAllCallback {

	/** The browsers' time zone (sign-up preselects it). */
	public static final String TIME_ZONE = "Europe/Berlin";

	/** A phone: the width of most, touch, and a high-density screen. */
	public static final Consumer<Browser.NewContextOptions> PHONE = options -> options.setViewportSize(390, 844)
		.setDeviceScaleFactor(2)
		.setIsMobile(true)
		.setHasTouch(true);

	private static final Path SCREENSHOTS = Paths.get(System.getProperty("taskflow.build.dir", "target"),
			"browser-journeys");

	private Playwright playwright;

	private Browser browser;

	private String baseUrl;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private final List<String> consoleErrors = new ArrayList<>();

	private String expectedStatuses = "409|422";

	/**
	 * Also lets pages load resources (and htmx requests) that answer {@code status} without failing the
	 * test, for a test that visits such a page on purpose (409 and 422, a refused form, always are).
	 */
	public BrowserTabs expectingStatus(int status) {
		expectedStatuses += "|" + status;
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
		baseUrl = "http://localhost:"
				+ SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
	}

	/** A new browser context (a person's browser: its own cookies and tabs) in a desktop window. */
	public BrowserContext context() {
		return context(options -> {
		});
	}

	/** A new browser context with more options, e.g. {@code setColorScheme} or {@link #PHONE}. */
	public BrowserContext context(Consumer<Browser.NewContextOptions> more) {
		Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setTimezoneId(TIME_ZONE)
			.setViewportSize(1280, 800);
		more.accept(options);
		BrowserContext context = browser.newContext(options);
		context.setDefaultTimeout(10_000);
		context.onPage(this::watchConsole);
		contexts.add(context);
		return context;
	}

	/** A tab in a new desktop context. */
	public Page newPage() {
		return context().newPage();
	}

	/**
	 * An HTTP client for the app's API next to the pages, as a script would call it; dispose of it
	 * when done.
	 */
	public APIRequestContext api(Map<String, String> headers) {
		return playwright.request()
			.newContext(new APIRequest.NewContextOptions().setBaseURL(baseUrl).setExtraHTTPHeaders(headers));
	}

	private void watchConsole(Page page) {
		page.onConsoleMessage(message -> {
			// a refused form answers 409 or 422 on purpose; the browser logs that status as an error, and htmx
			// too when the status is one it does not swap
			if ("error".equals(message.type())
					&& !message.text().matches("Failed to load resource: .* status of (" + expectedStatuses + ") .*")
					&& !message.text().matches("Response Status Error Code (" + expectedStatuses + ") from .*")) {
				consoleErrors.add(message.text() + " (" + page.url() + ")");
			}
		});
		page.onPageError(error -> consoleErrors.add(error + " (" + page.url() + ")"));
	}

	/** Runs before the test's own {@code @AfterEach}, while its tabs are still open. */
	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		int tab = 0;
		for (BrowserContext browserContext : contexts) {
			for (Page page : browserContext.pages()) {
				Path file = SCREENSHOTS.resolve(context.getRequiredTestMethod().getName() + "-tab" + ++tab + ".png");
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
				System.err.println("Browser screenshot: " + file.toAbsolutePath() + " (" + page.url() + "), focus on "
						+ page.evaluate("() => document.activeElement.outerHTML.substring(0, 160)"));
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
		List<String> errors = new ArrayList<>(consoleErrors);
		consoleErrors.clear();
		assertThat(errors).as("errors in the browser console").isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (playwright != null) {
			playwright.close();
		}
	}
}
