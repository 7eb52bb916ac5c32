/**
 * Disclosure control for tables derived from household microdata (docs/decisions/methods.md §2): a
 * synthetic microdata generator, fixed income brackets, frequency tables, primary suppression
 * (threshold, group attribute disclosure), rounding to base 5, secondary suppression and an
 * interval audit by linear programming. Microdata never leaves this package: only protected tables
 * do.
 */
@NullMarked
package cn.qingtian.portal.disclosure;

import org.jspecify.annotations.NullMarked;
