/** HTTP routes other than /graphql. */
@NullMarked
package cn.qingtian.portal.web;

import org.jspecify.annotations.NullMarked;
