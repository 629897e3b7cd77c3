package vn.motcua;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The shared set-up of an integration test: every {@link Api} field of the test, left unassigned, gets a client
 * of the application the test runs against (its random port), and every unassigned field of a test helper built
 * on that client (a type with a constructor taking an {@code Api}, as {@code DossierTestSupport}) gets one, so no
 * test repeats that block.
 */
public final class ApiInjection implements TestInstancePostProcessor {

	@Override
	public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			return;
		}
		Api api = new Api(Integer.parseInt(port));
		for (Class<?> c = test.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field f : c.getDeclaredFields()) {
				if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					continue;
				}
				f.setAccessible(true);
				if (f.get(test) != null) {
					continue;
				}
				if (f.getType() == Api.class) {
					f.set(test, api);
				}
				else if (f.getType().getName().startsWith("vn.motcua.") && f.getType().getSimpleName().endsWith("TestSupport")) {
					try {
						java.lang.reflect.Constructor<?> make = f.getType().getDeclaredConstructor(Api.class);
						make.setAccessible(true);
						f.set(test, make.newInstance(api));
					}
					catch (ReflectiveOperationException e) {
						throw new IllegalStateException("cannot build " + f.getType().getName() + " on an Api", e);
					}
				}
			}
		}
	}
}
