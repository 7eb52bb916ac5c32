/** The plan structure: plans, areas, measures, groups, units, indicators and targets. */
@NullMarked
package cn.qingtian.portal.plan;

import org.jspecify.annotations.NullMarked;
