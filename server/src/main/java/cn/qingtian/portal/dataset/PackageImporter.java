package cn.qingtian.portal.dataset;

import cn.qingtian.portal.database.ImportLock;
import cn.qingtian.portal.database.JdbcConnections;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.TableChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Loads a validated package into PostgreSQL as a new release, in one transaction (decision D4).
 * Rows that did not change keep their release range; changed and removed rows are closed at the new
 * release and changed and added rows start there. Identical content makes no new release; a failure
 * rolls everything back, so the previous release keeps serving.
 */
public final class PackageImporter {

  /** The channel a running server listens on to learn about a new release. */
  public static final String CHANNEL = "portal_release";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Set<String> VERSIONING = Set.of("valid_from", "valid_to", "row_hash");

  private final JdbcConnections connections;
  private final DisclosureGate gate;
  private final ImportLock lock;

  /** An importer that waits for another import at most the default lock timeout (10 minutes). */
  public PackageImporter(JdbcConnections connections, DisclosureGate gate) {
    this(connections, gate, new ImportLock(java.time.Duration.ofMinutes(10)));
  }

  public PackageImporter(JdbcConnections connections, DisclosureGate gate, ImportLock lock) {
    this.connections = connections;
    this.gate = gate;
    this.lock = lock;
  }

  public ImportResult importPackage(
      ValidatedPackage validated, boolean dryRun, @Nullable String note, Consumer<String> progress)
      throws SQLException {
    String hash = RowHash.ofPackage(validated);
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      try {
        ImportResult result = importIn(connection, validated, hash, dryRun, note, progress);
        if (result.outcome() == ImportResult.Outcome.PUBLISHED) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /**
   * The number of a release, other than the latest, whose content has this hash: importing it again
   * would revert newer data.
   */
  public java.util.Optional<Integer> olderReleaseWithContent(String hash) throws SQLException {
    try (Connection connection = connections.open();
        PreparedStatement statement =
            connection.prepareStatement(
                "select max(id) from release where content_hash = ? and id < (select max(id) from"
                    + " release)")) {
      statement.setString(1, hash);
      try (ResultSet resultSet = statement.executeQuery()) {
        resultSet.next();
        int id = resultSet.getInt(1);
        return resultSet.wasNull() ? java.util.Optional.empty() : java.util.Optional.of(id);
      }
    }
  }

  private ImportResult importIn(
      Connection connection,
      ValidatedPackage validated,
      String hash,
      boolean dryRun,
      @Nullable String note,
      Consumer<String> progress)
      throws SQLException {
    lock.acquire(connection, progress);
    CurrentRelease current = currentRelease(connection);
    if (current != null && current.contentHash().equals(hash)) {
      progress.accept(UserMessages.get("dataset.import.unchanged", current.id()));
      return new ImportResult(ImportResult.Outcome.UNCHANGED, current.id(), hash, List.of());
    }
    String version = validated.version();
    if (!dryRun) {
      refuseIfVersionExists(connection, version);
    }
    int release = current == null ? 1 : current.id() + 1;
    if (!dryRun) {
      insertRelease(connection, validated, release, hash, note);
    }
    List<TableChange> changes = new ArrayList<>();
    DisclosureGate.Gated gated =
        gate.apply(
            validated.tables(), current == null ? PublishedTables.NONE : published(connection));
    List<Table> tables = gated.tables();
    for (Table table : tables) {
      TableChange change = applyTable(connection, table, release, dryRun);
      progress.accept((dryRun ? "[dry-run] " : "") + change);
      changes.add(change);
    }
    if (dryRun) {
      return new ImportResult(ImportResult.Outcome.DRY_RUN, null, hash, List.copyOf(changes));
    }
    String revisions = revisionNote(changes, gated.derived(), release);
    recordChanges(connection, release, changes, tables, revisions);
    notifyRelease(connection, release);
    progress.accept(UserMessages.get("dataset.import.published", release, version));
    return new ImportResult(ImportResult.Outcome.PUBLISHED, release, hash, List.copyOf(changes));
  }

  private static void refuseIfVersionExists(Connection connection, String version)
      throws SQLException {
    if (versionExists(connection, version)) {
      throw new ImportRefusedException(
          List.of(
              new Problem(
                  DataPackage.DESCRIPTOR,
                  0,
                  0,
                  UserMessages.get("dataset.import.versionExists.zh", version),
                  UserMessages.get("dataset.import.versionExists.en", version))));
    }
  }

  /** Records the release's change log, its resources and the note on revisions. */
  private static void recordChanges(
      Connection connection,
      int release,
      List<TableChange> changes,
      List<Table> tables,
      @Nullable String revisions)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update release set changes = ?::jsonb, resources = ?::jsonb,"
                + " note = nullif(concat_ws(E'\\n', note, ?), '') where id = ?")) {
      // The published change log names public tables only: private rows are not even counted there.
      List<String> privateTables =
          tables.stream().filter(t -> t.resource().privateData()).map(Table::name).toList();
      update.setString(
          1,
          changesJson(changes.stream().filter(c -> !privateTables.contains(c.table())).toList()));
      update.setString(2, resourcesJson(tables));
      update.setString(3, revisions);
      update.setInt(4, release);
      update.executeUpdate();
    }
  }

  private TableChange applyTable(Connection connection, Table table, int release, boolean dryRun)
      throws SQLException {
    identifier(table.name());
    String name = table.resource().tableName();
    TableSchema schema = table.schema();
    List<String> columns = schema.fieldNames().stream().map(PackageImporter::identifier).toList();
    List<String> key = schema.primaryKey().stream().map(PackageImporter::identifier).toList();
    int[] keyIndexes = key.stream().mapToInt(schema::indexOf).toArray();

    Map<List<String>, String> current = currentRows(connection, name, key);
    List<Row> added = new ArrayList<>();
    List<Row> changed = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (Row row : table.rows()) {
      List<String> rowKey = keyOf(row, keyIndexes);
      seen.add(rowKey);
      String existing = current.get(rowKey);
      if (existing == null) {
        added.add(row);
      } else if (!existing.equals(RowHash.of(row))) {
        changed.add(row);
      }
    }
    List<List<String>> removed = current.keySet().stream().filter(k -> !seen.contains(k)).toList();
    if (!dryRun) {
      List<List<String>> closing = new ArrayList<>(removed);
      changed.forEach(row -> closing.add(keyOf(row, keyIndexes)));
      close(connection, name, key, closing, release);
      List<Row> inserting = new ArrayList<>(added);
      inserting.addAll(changed);
      insert(connection, name, columns, inserting, release);
    }
    return new TableChange(table.name(), added.size(), changed.size(), removed.size());
  }

  /**
   * The public tables of the current release and of every release before it, read in the import's
   * own transaction (so under its lock): what the gate compares the new release with.
   */
  private static PublishedTables published(Connection connection) {
    return new PublishedTables() {
      @Override
      public List<Map<String, @Nullable Object>> rows(String table) {
        return publishedRows(connection, table, " where valid_to is null");
      }

      @Override
      public List<Map<String, @Nullable Object>> everPublished(String table) {
        return publishedRows(connection, table, "");
      }
    };
  }

  private static List<Map<String, @Nullable Object>> publishedRows(
      Connection connection, String table, String which) {
    identifier(table);
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    try (PreparedStatement exists =
        connection.prepareStatement("select to_regclass('public.' || ?) is not null")) {
      exists.setString(1, table);
      try (ResultSet resultSet = exists.executeQuery()) {
        resultSet.next();
        if (!resultSet.getBoolean(1)) {
          return rows;
        }
      }
      try (PreparedStatement statement =
              connection.prepareStatement("select * from public." + table + which);
          ResultSet resultSet = statement.executeQuery()) {
        var meta = resultSet.getMetaData();
        while (resultSet.next()) {
          Map<String, @Nullable Object> row = new java.util.LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnName(i);
            if (!VERSIONING.contains(column)) {
              row.put(column, resultSet.getObject(i));
            }
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the published table " + table, e);
    }
    return rows;
  }

  private static Map<List<String>, String> currentRows(
      Connection connection, String table, List<String> key) throws SQLException {
    String sql =
        "select "
            + key.stream().map(k -> k + "::text").collect(Collectors.joining(", "))
            + ", row_hash from "
            + table
            + " where valid_to is null";
    Map<List<String>, String> rows = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        List<String> rowKey = new ArrayList<>(key.size());
        for (int i = 1; i <= key.size(); i++) {
          rowKey.add(resultSet.getString(i));
        }
        rows.put(List.copyOf(rowKey), resultSet.getString(key.size() + 1));
      }
    }
    return rows;
  }

  private static void close(
      Connection connection, String table, List<String> key, List<List<String>> keys, int release)
      throws SQLException {
    String sql =
        "update "
            + table
            + " set valid_to = ? where valid_to is null and "
            + key.stream().map(k -> k + "::text = ?").collect(Collectors.joining(" and "));
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (List<String> rowKey : keys) {
        statement.setInt(1, release);
        for (int i = 0; i < rowKey.size(); i++) {
          statement.setString(i + 2, rowKey.get(i));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void insert(
      Connection connection, String table, List<String> columns, List<Row> rows, int release)
      throws SQLException {
    String sql =
        "insert into "
            + table
            + " ("
            + String.join(", ", columns)
            + ", valid_from, row_hash) values ("
            + "?, ".repeat(columns.size())
            + "?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Row row : rows) {
        for (int i = 0; i < columns.size(); i++) {
          statement.setObject(i + 1, row.get(i));
        }
        statement.setInt(columns.size() + 1, release);
        statement.setString(columns.size() + 2, RowHash.of(row));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static List<String> keyOf(Row row, int[] keyIndexes) {
    List<String> key = new ArrayList<>(keyIndexes.length);
    for (int index : keyIndexes) {
      key.add(String.valueOf(row.get(index)));
    }
    return List.copyOf(key);
  }

  private static void insertRelease(
      Connection connection,
      ValidatedPackage validated,
      int release,
      String hash,
      @Nullable String note)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into release (id, version, published_at, content_hash, package_name, note,"
                + " changes) values (?, ?, ?, ?, ?, ?, '{}'::jsonb)")) {
      statement.setInt(1, release);
      statement.setString(2, validated.version());
      statement.setTimestamp(3, Timestamp.from(validated.created()));
      statement.setString(4, hash);
      statement.setString(5, validated.name());
      statement.setString(6, note);
      statement.executeUpdate();
    }
  }

  private static @Nullable CurrentRelease currentRelease(Connection connection)
      throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select id, content_hash from release order by id desc limit 1");
        ResultSet resultSet = statement.executeQuery()) {
      return resultSet.next()
          ? new CurrentRelease(resultSet.getInt(1), resultSet.getString(2))
          : null;
    }
  }

  private static boolean versionExists(Connection connection, String version) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select 1 from release where version = ?")) {
      statement.setString(1, version);
      try (ResultSet resultSet = statement.executeQuery()) {
        return resultSet.next();
      }
    }
  }

  /**
   * The revision note a release gets when it changes rows of a derived table that an earlier
   * release published (e.g. a new year changed an earlier year's suppression pattern): earlier
   * releases stay as they were (D4), the new one says what it revised. Null when nothing was.
   */
  private static @Nullable String revisionNote(
      List<TableChange> changes, Set<String> derived, int release) {
    List<String> revised =
        changes.stream()
            .filter(c -> release > 1 && derived.contains(c.table()))
            .filter(c -> c.changed() + c.removed() > 0)
            .map(c -> c.table() + " ~" + c.changed() + " -" + c.removed())
            .toList();
    if (revised.isEmpty()) {
      return null;
    }
    String tables = String.join(", ", revised);
    return UserMessages.get("dataset.import.revision", tables);
  }

  private static String resourcesJson(List<Table> tables) {
    ArrayNode resources = JSON.createArrayNode();
    tables.forEach(table -> resources.add(DescriptorWriter.resource(table.resource())));
    return resources.toString();
  }

  /** Tells running servers, when the transaction commits, that a release was published. */
  static void notifyRelease(Connection connection, int release) throws SQLException {
    try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
      notify.setString(1, CHANNEL);
      notify.setString(2, Integer.toString(release));
      notify.execute();
    }
  }

  static String changesJson(List<TableChange> changes) {
    return changes.stream()
        .map(
            c ->
                "\"%s\":{\"added\":%d,\"changed\":%d,\"removed\":%d}"
                    .formatted(c.table(), c.added(), c.changed(), c.removed()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe SQL identifier: " + name);
    }
    return name;
  }

  private record CurrentRelease(int id, String contentHash) {}
}
