/** The synthetic DEMO data package and its deterministic generator. */
@NullMarked
package cn.qingtian.portal.demo;

import org.jspecify.annotations.NullMarked;
