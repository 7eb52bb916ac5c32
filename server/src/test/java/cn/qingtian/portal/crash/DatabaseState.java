package cn.qingtian.portal.crash;

import cn.qingtian.portal.database.DatabaseAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a portal database holds, to compare two databases: the releases, and per versioned table
 * (every table with a {@code row_hash}, public and private) its row count and a digest of its row
 * versions.
 */
record DatabaseState(Map<String, String> tables) {

  static Connection connect(String url) throws SQLException {
    DatabaseAddress address = DatabaseAddress.parse(url);
    Properties credentials = new Properties();
    credentials.setProperty("user", address.username());
    if (address.password() != null) {
      credentials.setProperty("password", address.password());
    }
    return DriverManager.getConnection(address.jdbcUrl(), credentials);
  }

  static DatabaseState of(String url) throws SQLException {
    Map<String, String> tables = new TreeMap<>();
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery(
              "select count(*), coalesce(string_agg(id || ' ' || version || ' ' || content_hash,"
                  + " ', ' order by id), '') from release")) {
        rs.next();
        tables.put("release", rs.getLong(1) + " [" + rs.getString(2) + "]");
      }
      List<String> versioned = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "select table_schema || '.' || table_name from information_schema.columns"
                  + " where column_name = 'row_hash' and table_schema in ('public', 'private')"
                  + " order by 1")) {
        while (rs.next()) {
          versioned.add(rs.getString(1));
        }
      }
      for (String table : versioned) {
        try (ResultSet rs =
            statement.executeQuery(
                "select count(*), md5(coalesce(string_agg(row_hash || ':' || valid_from || ':'"
                    + " || coalesce(valid_to, 0), ',' order by row_hash, valid_from), ''))"
                    + " from "
                    + table)) {
          rs.next();
          tables.put(table, rs.getLong(1) + " rows " + rs.getString(2));
        }
      }
    }
    return new DatabaseState(tables);
  }

  /** The number of releases. */
  long releases() {
    return Long.parseLong(tables.get("release").split(" ")[0]);
  }

  /**
   * The import lock (docs/reliability.md, attack finding 12: a lock on {@code private.import_lock})
   * and any advisory lock held by any session on this database.
   */
  static int advisoryLocks(String url) throws SQLException {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select count(*) from pg_locks l join pg_database d on d.oid = l.database"
                    + " where l.granted and d.datname = current_database() and (l.locktype ="
                    + " 'advisory' or l.relation = to_regclass('private.import_lock'))")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
