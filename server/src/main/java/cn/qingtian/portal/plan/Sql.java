package cn.qingtian.portal.plan;

import cn.qingtian.portal.release.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A select statement built from optional filters, always restricted to the rows of one release
 * (decision D4): a row belongs to release R when {@code valid_from <= R} and it was not closed at
 * or before R. Only bind parameters carry values.
 */
final class Sql {

  private final StringBuilder text;
  private final Map<String, Object> bindings = new LinkedHashMap<>();
  private String orderBy = "";

  private Sql(String select, String alias, int release) {
    this.text = new StringBuilder(select).append(" where ").append(inRelease(alias));
    bindings.put("release", release);
  }

  static Sql select(String select, String alias, int release) {
    return new Sql(select, alias, release);
  }

  static String inRelease(String alias) {
    return Temporal.inRelease(alias);
  }

  Sql and(String condition, String name, Object value) {
    text.append(" and ").append(condition);
    bindings.put(name, value);
    return this;
  }

  Sql andIf(@Nullable Object value, String condition, String name) {
    return value == null ? this : and(condition, name, value);
  }

  Sql where(String condition) {
    text.append(" and ").append(condition);
    return this;
  }

  Sql bindIf(@Nullable Object value, String name) {
    if (value != null) {
      bindings.put(name, value);
    }
    return this;
  }

  Sql orderBy(String columns) {
    this.orderBy = " order by " + columns;
    return this;
  }

  DatabaseClient.GenericExecuteSpec on(DatabaseClient database) {
    DatabaseClient.GenericExecuteSpec spec = database.sql(text + orderBy);
    for (Map.Entry<String, Object> binding : bindings.entrySet()) {
      spec = spec.bind(binding.getKey(), binding.getValue());
    }
    return spec;
  }
}
