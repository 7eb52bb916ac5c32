/** The Qingtian progress portal: application and command line. */
@NullMarked
package cn.qingtian.portal;

import org.jspecify.annotations.NullMarked;
