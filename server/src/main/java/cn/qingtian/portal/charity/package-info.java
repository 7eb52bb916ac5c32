/** The charity registry: organizations, their finances, and the count the plan targets. */
@NullMarked
package cn.qingtian.portal.charity;

import org.jspecify.annotations.NullMarked;
