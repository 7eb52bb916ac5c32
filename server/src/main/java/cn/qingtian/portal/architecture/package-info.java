/**
 * Markers the dependency rules read ({@code ArchitectureTest}): {@link FeatureInterface}. A package
 * of its own that imports nothing of the portal, so every feature may use it without making a
 * cycle.
 */
@NullMarked
package cn.qingtian.portal.architecture;

import org.jspecify.annotations.NullMarked;
