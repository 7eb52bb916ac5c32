/**
 * The static progress site: GraphQL documents, page models and jte templates.
 *
 * <p>Decisions cited in comments as "decision D25" or "D25" are recorded in {@code
 * docs/decisions/}, one file per number ({@code 0025-disclosure-words.md} for D25).
 */
@NullMarked
package cn.qingtian.site;

import org.jspecify.annotations.NullMarked;
