/**
 * Achievements reported for the plan's measures: what was delivered, by which departments, with
 * quantitative outputs and evidence; the measure-level targets they count toward; department
 * scorecards; and the {@code achievementPublished} subscription.
 */
@NullMarked
package cn.qingtian.portal.achievement;

import org.jspecify.annotations.NullMarked;
