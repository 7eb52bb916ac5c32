package cn.qingtian.portal.surface;

import cn.qingtian.portal.database.JdbcConnections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the audit looks for, taken from the release itself and not from a list: the DEMO values of
 * its public tables (those no real value shares), the sentences written from them, the figures the
 * gate withheld (from the packages it read), the private households' ids and the sources.
 */
record ReleaseFacts(
    Set<String> demoNumbers,
    Set<String> demoSentences,
    Set<String> withheldFigures,
    Set<String> households,
    Set<String> sources) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param packages the packages the release was imported from (for the private inputs)
   * @param demoSentences texts the API wrote from DEMO values, without their label
   */
  static ReleaseFacts read(
      JdbcConnections database, int release, List<Path> packages, Set<String> demoSentences)
      throws SQLException, IOException {
    Set<String> demo = new HashSet<>();
    Set<String> real = new HashSet<>();
    Set<String> published = new HashSet<>();
    Set<String> sources = new HashSet<>();
    Map<String, Boolean> withheldCells = new HashMap<>();
    try (Connection connection = database.open()) {
      for (JsonNode resource : resources(connection, release)) {
        String table = resource.path("name").asText();
        List<String> numeric = new ArrayList<>();
        for (JsonNode field : resource.path("schema").path("fields")) {
          if (field.path("type").asText().matches("number|integer")) {
            numeric.add(field.path("name").asText());
          }
        }
        for (Map<String, Object> row : rows(connection, table, release)) {
          boolean isDemo = "DEMO".equals(row.get("provenance"));
          for (String column : numeric) {
            if (row.get(column) instanceof Number number) {
              BigDecimal value = new BigDecimal(number.toString());
              (isDemo ? demo : real).addAll(Numbers.shown(value));
              published.add(Numbers.normal(value));
            }
          }
          if (table.equals("sources")) {
            sources.add((String) row.get("code"));
          }
          if (table.equals("charity_donations")) {
            withheldCells.put(
                row.get("charity") + "|" + row.get("year") + "|" + row.get("field"),
                Boolean.TRUE.equals(row.get("withheld")));
          }
        }
      }
    }
    demo.removeAll(real);
    demo.removeIf(n -> !Numbers.distinctive(n));
    Set<String> withheld = new HashSet<>();
    Set<String> households = new HashSet<>();
    for (Path pack : packages) {
      for (CSVRecord row : csv(pack.resolve("charity_donations.csv"))) {
        String key = row.get("charity") + "|" + row.get("year") + "|" + row.get("field");
        if (Boolean.TRUE.equals(withheldCells.get(key))) {
          withheld.add(Numbers.normal(new BigDecimal(row.get("total"))));
        }
      }
      for (CSVRecord row : csv(pack.resolve("household_microdata.csv"))) {
        households.add(row.get("id"));
      }
    }
    // A withheld total that some published figure equals by chance cannot be told apart.
    withheld.removeAll(published);
    withheld.removeIf(n -> !Numbers.distinctive(n));
    return new ReleaseFacts(
        Set.copyOf(demo),
        Set.copyOf(demoSentences),
        Set.copyOf(withheld),
        Set.copyOf(households),
        Set.copyOf(sources));
  }

  private static List<JsonNode> resources(Connection connection, int release)
      throws SQLException, IOException {
    try (PreparedStatement statement =
        connection.prepareStatement("select resources::text from release where id = ?")) {
      statement.setInt(1, release);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode resource : JSON.readTree(result.getString(1))) {
          if (!"private".equals(resource.path("access").asText())) {
            resources.add(resource);
          }
        }
        return resources;
      }
    }
  }

  private static List<Map<String, Object>> rows(Connection connection, String table, int release)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select * from public."
                + table.replaceAll("[^a-z_]", "")
                + " where valid_from <= ? and (valid_to is null or valid_to > ?)")) {
      statement.setInt(1, release);
      statement.setInt(2, release);
      try (ResultSet result = statement.executeQuery()) {
        var meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), result.getObject(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().get().parse(reader).getRecords();
    }
  }
}
