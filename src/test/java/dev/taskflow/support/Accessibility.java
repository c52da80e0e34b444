package dev.taskflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * axe-core (served from the test class path, no CDN) run on a page as it is, with a screenshot of
 * that state under {@code target/screenshots} for CI to keep.
 */
public final class Accessibility {

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private static final Path SCREENSHOTS = Paths.get(System.getProperty("taskflow.build.dir", "target"), "screenshots");

	private static volatile String axeSource;

	private Accessibility() {
	}

	/**
	 * Saves a screenshot named {@code name}.png and returns the serious and critical violations on the
	 * page, each prefixed with {@code label}.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> check(Page page, String name, String label) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
		if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe()));
		}
		List<String> violations = (List<String>) page.evaluate("""
				async () => {
				  const result = await axe.run(document, { resultTypes: ['violations'] });
				  return result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
				      + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '));
				}""");
		return violations.stream().map(violation -> label + " " + violation).toList();
	}

	private static String axe() {
		if (axeSource == null) {
			try (InputStream axe = Accessibility.class.getClassLoader().getResourceAsStream(AXE)) {
				axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axeSource;
	}
}
