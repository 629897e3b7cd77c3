package vn.motcua.sandbox;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A sandbox that listens on a port of its own on the loopback interface (the SMTP server, the object store): it
 * starts before the web server and the workers that call it, publishes its port as a property
 * ({@code local.sandbox.<name>-port}), and serves on a few daemon threads.
 */
abstract class LoopbackSandbox implements SmartLifecycle {

	private final ConfigurableEnvironment environment;
	private final String name;
	private @Nullable ExecutorService threads;
	private volatile boolean running;

	LoopbackSandbox(ConfigurableEnvironment environment, String name) {
		this.environment = environment;
		this.name = name;
	}

	/** Opens the listener and serves on {@code threads}; returns the port it listens on. */
	protected abstract int listen(ExecutorService threads);

	/** Closes the listener. */
	protected abstract void close();

	@Override
	public final void start() {
		ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
			Thread t = new Thread(r, "sandbox-" + name);
			t.setDaemon(true);
			return t;
		});
		threads = pool;
		int port = listen(pool);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("sandbox-" + name, Map.of("local.sandbox." + name + "-port", port)));
		running = true;
	}

	@Override
	public final void stop() {
		close();
		ExecutorService pool = threads;
		if (pool != null) {
			pool.shutdownNow();
		}
		running = false;
	}

	@Override
	public final boolean isRunning() {
		return running;
	}

	@Override
	public final int getPhase() {
		return 0; // before the web server and the workers that call it
	}
}
