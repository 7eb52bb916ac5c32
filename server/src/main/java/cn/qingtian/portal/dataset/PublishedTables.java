package cn.qingtian.portal.dataset;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The public tables of the current release, as the disclosure gate published them: what a rule
 * across releases (differencing, stable noise; decision D18) compares the new release with. Every
 * earlier release stays readable too (the API and downloads serve any version), so a rule against
 * differencing compares with {@link #everPublished every version} a release published.
 */
@FunctionalInterface
public interface PublishedTables {

  /** Nothing published yet: the first release. */
  PublishedTables NONE = table -> List.of();

  /**
   * The rows of a public table in the current release, column name to value (as JDBC reads it);
   * none when there is no release yet or the table is unknown.
   */
  List<Map<String, @Nullable Object>> rows(String table);

  /**
   * Every version of a public table's rows that any release published, the current ones included,
   * column name to value as in {@link #rows}: an attacker who kept each release can subtract any of
   * them from a new figure. A source that keeps no history answers the current rows.
   */
  default List<Map<String, @Nullable Object>> everPublished(String table) {
    return rows(table);
  }
}
