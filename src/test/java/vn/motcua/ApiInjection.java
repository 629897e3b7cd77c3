package vn.motcua;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The shared set-up of an integration test: every {@link Api} field of the test, left unassigned, gets a client
 * of the application the test runs against (its random port), so no test repeats that block.
 */
public final class ApiInjection implements TestInstancePostProcessor {

	@Override
	public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			return;
		}
		for (Class<?> c = test.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field f : c.getDeclaredFields()) {
				if (f.getType() == Api.class && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					f.setAccessible(true);
					if (f.get(test) == null) {
						f.set(test, new Api(Integer.parseInt(port)));
					}
				}
			}
		}
	}
}
