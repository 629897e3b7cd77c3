package vn.motcua.registry;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how to reach the population database ({@code motcua.registry.*}, MOTCUA_REGISTRY_*). Without a
 * base URL, demo mode uses the bundled sandbox on this server and production answers UNAVAILABLE.
 */
@ConfigurationProperties("motcua.registry")
record RegistryProperties(@Nullable String baseUrl, @Nullable String apiKey, @Nullable Duration connectTimeout,
		@Nullable Duration timeout, @Nullable Integer retries, @Nullable Duration backoff,
		@Nullable Integer breakerThreshold, @Nullable Duration breakerOpenFor) {

	Duration connectTimeoutOrDefault() {
		return connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
	}

	Duration timeoutOrDefault() {
		return timeout == null ? Duration.ofSeconds(4) : timeout;
	}

	int retriesOrDefault() {
		return retries == null ? 2 : retries;
	}

	Duration backoffOrDefault() {
		return backoff == null ? Duration.ofMillis(250) : backoff;
	}

	int breakerThresholdOrDefault() {
		return breakerThreshold == null ? 5 : breakerThreshold;
	}

	Duration breakerOpenForOrDefault() {
		return breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
	}
}
