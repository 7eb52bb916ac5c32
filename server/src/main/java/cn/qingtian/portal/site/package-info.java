/** Building the public site from the API, and serving it at {@code /}. */
@NullMarked
package cn.qingtian.portal.site;

import org.jspecify.annotations.NullMarked;
