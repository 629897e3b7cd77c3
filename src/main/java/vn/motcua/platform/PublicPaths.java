package vn.motcua.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Paths a module opens to anonymous callers; everything else needs a signed-in user (deny by default).
 * Declare one as a bean in the module that serves the paths.
 *
 * @param method the HTTP method, or null for any
 * @param patterns path patterns such as {@code /api/v1/agencies}
 */
public record PublicPaths(@Nullable HttpMethod method, List<String> patterns) {

	public static PublicPaths get(String... patterns) {
		return new PublicPaths(HttpMethod.GET, List.of(patterns));
	}

	public static PublicPaths any(String... patterns) {
		return new PublicPaths(null, List.of(patterns));
	}
}
