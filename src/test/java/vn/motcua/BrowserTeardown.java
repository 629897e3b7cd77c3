package vn.motcua;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * Quits every browser a test opened (its {@link WebDriver} fields), so no browser test repeats that block, and fails
 * the test when axe-core found a violation on any page it opened ({@link Accessibility}).
 */
public final class BrowserTeardown implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) throws IllegalAccessException {
		java.util.List<String> violations = new java.util.ArrayList<>();
		Object test = context.getRequiredTestInstance();
		for (Class<?> c = test.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field f : c.getDeclaredFields()) {
				if (WebDriver.class.isAssignableFrom(f.getType()) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					f.setAccessible(true);
					if (f.get(test) instanceof WebDriver browser) {
						Accessibility checker = Accessibility.CHECKERS.remove(browser);
						if (checker != null) {
							violations.addAll(checker.violations());
						}
						browser.quit();
						f.set(test, null);
					}
				}
			}
		}
		if (!violations.isEmpty() && context.getExecutionException().isEmpty()) {
			throw new AssertionError("Accessibility (axe-core) and layout violations on the pages this test opened:\n"
					+ String.join("\n", violations));
		}
	}
}
