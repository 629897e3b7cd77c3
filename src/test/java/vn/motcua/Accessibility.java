package vn.motcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules and best practices) run on every page a browser test opens, and on phones a
 * check that nothing scrolls sideways. What it finds is kept per browser and fails the test when the browser is
 * closed ({@link BrowserTeardown}): zero violations of any impact.
 */
public final class Accessibility implements WebDriverListener {

	private static final String AXE = load();

	/** Collects axe's violations as text: the rule, its impact, the page and the first elements it names. */
	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
			  done(r.violations.map(function (v) {
			    return v.id + ' (' + v.impact + ') on ' + location.pathname + ': ' + v.nodes.slice(0, 3).map(function (n) {
			      return n.target.join(' ') + ' - ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200);
			    }).join(' | ');
			  }));
			}).catch(function (e) { done(['axe failed on ' + location.pathname + ': ' + e]); });
			""";

	private static final String SIDEWAYS = """
			var w = document.documentElement.clientWidth;
			return w < 500 && document.documentElement.scrollWidth > w
			  ? ['sideways scroll on ' + location.pathname + ': ' + document.documentElement.scrollWidth + ' px in ' + w] : [];
			""";

	private final WebDriver driver;
	private final List<String> found = new ArrayList<>();
	private String lastChecked = "";

	Accessibility(WebDriver driver) {
		this.driver = driver;
	}

	/** What was found so far, each once. */
	public List<String> violations() {
		return found.stream().distinct().toList();
	}

	@Override
	public void afterGet(WebDriver d, String url) {
		check();
	}

	/** A click that led to another page (a link, a form's submission) gets that page checked. */
	@Override
	public void afterClick(WebElement element) {
		try {
			String url = driver.getCurrentUrl();
			if (url != null && !url.equals(lastChecked)) {
				check();
			}
		}
		catch (WebDriverException leaving) {
			// the page is still changing; the next navigation is checked
		}
	}

	@SuppressWarnings("unchecked")
	private void check() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		try {
			Object ready = js.executeScript("return document.readyState");
			if (!"complete".equals(ready) || !String.valueOf(js.executeScript("return document.contentType"))
				.contains("html")) {
				return;
			}
			lastChecked = driver.getCurrentUrl();
			js.executeScript(AXE);
			found.addAll((List<String>) js.executeAsyncScript(RUN));
			found.addAll((List<String>) js.executeScript(SIDEWAYS));
		}
		catch (WebDriverException leaving) {
			// a page that unloads while it is read (a redirecting form) is checked where it lands
		}
	}

	private static String load() {
		try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Each decorated browser's checker. */
	static final Map<WebDriver, Accessibility> CHECKERS = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
}
