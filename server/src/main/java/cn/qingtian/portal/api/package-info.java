/** Cross-cutting API conventions: global IDs, connections, bilingual fields, errors. */
@NullMarked
package cn.qingtian.portal.api;

import org.jspecify.annotations.NullMarked;
