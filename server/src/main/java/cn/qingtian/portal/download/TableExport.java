package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.release.Temporal;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of one table as a release has them, straight from PostgreSQL through a cursor (a
 * fetch size inside a transaction), and hands each to the writers: memory stays constant however
 * long the table is.
 */
final class TableExport {

  static final int FETCH_SIZE = 2_000;

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  private TableExport() {}

  /** The row count, DEMO flag and years of a table in a release, read before its rows. */
  record Stats(long rows, boolean demo, @Nullable Integer firstYear, @Nullable Integer lastYear) {}

  static Stats stats(Connection connection, Resource resource, int release) throws SQLException {
    List<String> names = resource.schema().fieldNames();
    String demo = names.contains("provenance") ? "bool_or(t.provenance = 'DEMO')" : "false";
    String year = yearExpression(names);
    String sql =
        "select count(*), coalesce("
            + demo
            + ", false), min("
            + year
            + "), max("
            + year
            + ") from "
            + table(resource)
            + " t where "
            + Temporal.inRelease("t", release);
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return new Stats(
          result.getLong(1),
          result.getBoolean(2),
          result.getObject(3, Integer.class),
          result.getObject(4, Integer.class));
    }
  }

  /** Whether the table has a column that dates its rows, so it is updated year by year. */
  static boolean dated(Resource resource) {
    return !yearExpression(resource.schema().fieldNames()).equals("null::int");
  }

  private static String yearExpression(List<String> names) {
    if (names.contains("year")) {
      return "t.year::int";
    }
    if (names.contains("period")) {
      return "substring(t.period from 1 for 4)::int";
    }
    if (names.contains("award_date")) {
      return "extract(year from t.award_date)::int";
    }
    return "null::int";
  }

  /** Streams the rows in primary-key order; returns how many there were. */
  static long stream(
      Connection connection, Resource resource, int release, List<? extends TableWriter> writers)
      throws SQLException, IOException {
    List<Field> fields = resource.schema().fields();
    String sql =
        "select "
            + fields.stream()
                .map(f -> "t." + identifier(f.name()))
                .collect(Collectors.joining(", "))
            + " from "
            + table(resource)
            + " t where "
            + Temporal.inRelease("t", release)
            + orderBy(resource);
    long[] count = {0};
    query(
        connection,
        sql,
        result -> {
          List<@Nullable Object> values = new ArrayList<>(fields.size());
          for (int i = 0; i < fields.size(); i++) {
            values.add(value(result, i + 1, fields.get(i)));
          }
          for (TableWriter writer : writers) {
            writer.row(values);
          }
          count[0]++;
        });
    return count[0];
  }

  /** What is done with each row of a {@link #query}. */
  @FunctionalInterface
  interface RowHandler {
    void accept(ResultSet row) throws SQLException, IOException;
  }

  /**
   * Runs a query through a cursor, {@value #FETCH_SIZE} rows at a time, however many rows it has:
   * PostgreSQL's driver uses a cursor only inside a transaction, otherwise it reads every row
   * first.
   */
  static void query(Connection connection, String sql, RowHandler rows)
      throws SQLException, IOException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.accept(result);
        }
      }
    } finally {
      connection.commit();
      connection.setAutoCommit(autoCommit);
    }
  }

  private static @Nullable Object value(ResultSet result, int column, Field field)
      throws SQLException {
    Object value =
        switch (field.type()) {
          case INTEGER, YEAR -> result.getLong(column);
          case NUMBER -> result.getBigDecimal(column);
          case BOOLEAN -> result.getBoolean(column);
          case DATE -> result.getObject(column, LocalDate.class);
          case STRING -> result.getString(column);
        };
    return result.wasNull() ? null : value;
  }

  private static String orderBy(Resource resource) {
    List<String> key = resource.schema().primaryKey();
    return key.isEmpty()
        ? ""
        : key.stream()
            .map(k -> "t." + identifier(k))
            .collect(Collectors.joining(", ", " order by ", ""));
  }

  static String table(Resource resource) {
    if (resource.privateData()) {
      throw new IllegalArgumentException("private tables are never exported: " + resource.name());
    }
    return identifier(resource.name());
  }

  static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe SQL identifier: " + name);
    }
    return name;
  }
}
