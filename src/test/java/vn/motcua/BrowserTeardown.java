package vn.motcua;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/** Quits every browser a test opened (its {@link WebDriver} fields), so no browser test repeats that block. */
public final class BrowserTeardown implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) throws IllegalAccessException {
		Object test = context.getRequiredTestInstance();
		for (Class<?> c = test.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field f : c.getDeclaredFields()) {
				if (WebDriver.class.isAssignableFrom(f.getType()) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					f.setAccessible(true);
					if (f.get(test) instanceof WebDriver browser) {
						browser.quit();
						f.set(test, null);
					}
				}
			}
		}
	}
}
