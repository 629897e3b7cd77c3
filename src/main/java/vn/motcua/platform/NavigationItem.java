package vn.motcua.platform;

import java.util.Set;

/**
 * A link a module adds to the staff navigation, shown to holders of any of {@code roles} (empty: every
 * signed-in staff member). Declare one as a bean in the module that serves the page.
 *
 * @param labelKey message key of the label (Vietnamese and English bundles)
 * @param href the page
 * @param order position, smaller first
 */
public record NavigationItem(String labelKey, String href, Set<String> roles, int order) {
}
