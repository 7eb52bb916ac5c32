/**
 * Full-text search with Lucene: an in-memory index per release over the public entities, with a
 * Chinese word field (smartcn), a CJK bigram field (so 收入 finds 低收入), an English field with
 * stemming and a code field; the {@code search} query.
 */
@NullMarked
package cn.qingtian.portal.search;

import org.jspecify.annotations.NullMarked;
