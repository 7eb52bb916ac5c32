/**
 * The Qingtian progress portal: application and command line.
 *
 * <p>Decisions cited in comments as "decision D4" or "D4" are recorded in {@code docs/decisions/},
 * one file per number ({@code 0004-releases.md} for D4); "stack note N" is note N of {@code
 * docs/decisions/stack-notes.md}.
 */
@NullMarked
package cn.qingtian.portal;

import org.jspecify.annotations.NullMarked;
