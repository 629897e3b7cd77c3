/**
 * The shell of the portal: layout, navigation per role, home page, language switch (Vietnamese by
 * default, English available) and error pages. Features serve their own pages inside it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "organization", "platform", "registry" })
@NullMarked
package vn.motcua.portal;

import org.jspecify.annotations.NullMarked;
