package vn.motcua.platform;

/**
 * Demonstration data a module contributes in demo mode. Seeds run once per start, before the server
 * accepts requests, in {@link org.springframework.core.annotation.Order} order, each idempotent.
 */
public interface DemoSeed {

	void seed();
}
