/** Data packages: validation against Table Schema, import as releases. */
@NullMarked
package cn.qingtian.portal.dataset;

import org.jspecify.annotations.NullMarked;
