/** Indicators' observations, sources and progress toward their targets. */
@NullMarked
package cn.qingtian.portal.indicator;

import org.jspecify.annotations.NullMarked;
