/** Releases: the current one, and pinning each request to one. */
@NullMarked
package cn.qingtian.portal.release;

import org.jspecify.annotations.NullMarked;
