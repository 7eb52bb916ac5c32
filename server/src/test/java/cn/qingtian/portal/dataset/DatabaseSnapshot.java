package cn.qingtian.portal.dataset;

import cn.qingtian.portal.database.JdbcConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every table's row count and a digest of its rows and release ranges, to compare states. */
record DatabaseSnapshot(Map<String, String> tables) {

  static DatabaseSnapshot take(JdbcConnections connections) throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    try (Connection connection = connections.open();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery(
              "select count(*), md5(coalesce(string_agg(id || version || content_hash, ','"
                  + " order by id), '')) from release")) {
        rs.next();
        tables.put("release", rs.getLong(1) + ":" + rs.getString(2));
      }
      for (String table :
          new String[] {
            "plans",
            "plan_links",
            "principles",
            "areas",
            "sections",
            "target_groups",
            "departments",
            "measures",
            "measure_departments",
            "indicators",
            "targets",
            "target_quotes",
            "sources",
            "observations",
            "charities",
            "charity_finances",
            "charity_donations",
            "charity_grants",
            "achievements",
            "achievement_measures",
            "achievement_departments",
            "achievement_outputs",
            "private.charity_donation_records",
            "private.household_microdata",
            "income_cells",
            "disclosure_reports",
            "income_statistics"
          }) {
        try (ResultSet rs =
            statement.executeQuery(
                "select count(*), md5(coalesce(string_agg(row_hash || ':' || valid_from || ':' ||"
                    + " coalesce(valid_to, 0), ',' order by row_hash, valid_from), '')) from "
                    + table)) {
          rs.next();
          tables.put(table, rs.getLong(1) + ":" + rs.getString(2));
        }
      }
    }
    return new DatabaseSnapshot(tables);
  }
}
