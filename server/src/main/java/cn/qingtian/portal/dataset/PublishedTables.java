package cn.qingtian.portal.dataset;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The public tables of the current release, as the disclosure gate published them: what a rule
 * across releases (differencing, stable noise; decision D18) compares the new release with.
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
}
