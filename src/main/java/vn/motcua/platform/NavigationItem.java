package vn.motcua.platform;

import java.util.Set;

/**
 * A link a module adds to the staff workspace's navigation, shown to holders of any of {@code roles} (empty: every
 * signed-in staff member), under the task it serves. Declare one as a bean in the module that serves the page.
 *
 * @param labelKey message key of the label (Vietnamese and English bundles)
 * @param href the page
 * @param order position within its group, smaller first
 * @param group the task: Tiếp nhận, Xử lý, Theo dõi, Báo cáo, Danh mục, Quản trị
 */
public record NavigationItem(String labelKey, String href, Set<String> roles, int order, Group group) {

	/** The staff's tasks, in the order the workspace lists them. */
	public enum Group {
		HOME, RECEIVE, PROCESS, MONITOR, REPORT, CATALOG, ADMIN, ACCOUNT
	}
}
