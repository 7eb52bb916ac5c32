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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an earlier release current again, e.g. after a mistaken import: a new release whose content
 * equals the earlier one, with a note saying so. Nothing is deleted: the mistaken release stays
 * readable and downloadable (decision D4). Table by table, in one transaction, the rows the earlier
 * release did not have are closed and the rows it had that were closed since are opened again; a
 * row whose content is the same in both stays as it is.
 */
public final class ReleaseRollback {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcConnections connections;
  private final ImportLock lock;
  private final Clock clock;

  public ReleaseRollback(JdbcConnections connections, ImportLock lock, Clock clock) {
    this.connections = connections;
    this.lock = lock;
    this.clock = clock;
  }

  public ImportResult rollBackTo(String version, String note, Consumer<String> progress)
      throws SQLException {
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      try {
        ImportResult result = rollBack(connection, version, note, progress);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private ImportResult rollBack(
      Connection connection, String version, String note, Consumer<String> progress)
      throws SQLException {
    lock.acquire(connection, progress);
    Target target = target(connection, version);
    int current = currentRelease(connection);
    if (target.id() == current) {
      throw refused(
          UserMessages.get("dataset.rollback.current.zh", version),
          UserMessages.get("dataset.rollback.current.en", version));
    }
    int release = current + 1;
    insertRelease(connection, release, target, note);
    List<TableChange> changes = new ArrayList<>();
    List<TableChange> publicChanges = new ArrayList<>();
    for (JsonNode node : JSON.readTree(target.resources())) {
      Resource resource = DescriptorReader.resource(node);
      TableChange change = restore(connection, resource, target.id(), release);
      progress.accept(change.toString());
      changes.add(change);
      if (!resource.privateData()) {
        publicChanges.add(change);
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement("update release set changes = ?::jsonb where id = ?")) {
      update.setString(1, PackageImporter.changesJson(publicChanges));
      update.setInt(2, release);
      update.executeUpdate();
    }
    PackageImporter.notifyRelease(connection, release);
    progress.accept(UserMessages.get("dataset.rollback.published", release, version));
    return new ImportResult(
        ImportResult.Outcome.PUBLISHED, release, target.contentHash(), List.copyOf(changes));
  }

  private static TableChange restore(
      Connection connection, Resource resource, int target, int release) throws SQLException {
    String table = resource.tableName();
    String columns =
        resource.schema().fieldNames().stream()
            .map(PackageImporter::identifier)
            .collect(Collectors.joining(", "));
    String inTarget =
        "valid_from <= " + target + " and (valid_to is null or valid_to > " + target + ")";
    // Rows added or changed since the target release, unless the same content was in it.
    execute(
        connection,
        "update "
            + table
            + " set valid_to = "
            + release
            + " where valid_to is null and valid_from > "
            + target
            + " and row_hash not in (select row_hash from "
            + table
            + " where "
            + inTarget
            + ")");
    // Rows of the target release closed since, unless the same content is still current.
    execute(
        connection,
        "insert into "
            + table
            + " ("
            + columns
            + ", valid_from, row_hash) select "
            + columns
            + ", "
            + release
            + ", row_hash from "
            + table
            + " where "
            + inTarget
            + " and valid_to is not null and row_hash not in (select row_hash from "
            + table
            + " where valid_to is null)");
    return change(connection, resource, release);
  }

  /** What the rollback did to a table, counted per key as an import counts it. */
  private static TableChange change(Connection connection, Resource resource, int release)
      throws SQLException {
    String key =
        resource.schema().primaryKey().stream()
            .map(PackageImporter::identifier)
            .collect(Collectors.joining(", "));
    String sql =
        "select count(*) filter (where opened and not closed), count(*) filter (where opened and"
            + " closed), count(*) filter (where closed and not opened) from (select bool_or(valid_from"
            + " = ?) as opened, bool_or(coalesce(valid_to = ?, false)) as closed from "
            + resource.tableName()
            + " where valid_from = ? or valid_to = ? group by "
            + key
            + ") changed";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 1; i <= 4; i++) {
        statement.setInt(i, release);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return new TableChange(
            resource.name(), result.getInt(1), result.getInt(2), result.getInt(3));
      }
    }
  }

  private record Target(
      int id, String version, String contentHash, String packageName, String resources) {}

  private static Target target(Connection connection, String version) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select id, content_hash, package_name, resources::text from release where version = ?")) {
      statement.setString(1, version);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          throw refused(
              UserMessages.get("dataset.rollback.noSuchVersion.zh", version),
              UserMessages.get("dataset.rollback.noSuchVersion.en", version));
        }
        if (result.getString(4) == null) {
          throw refused(
              UserMessages.get("dataset.rollback.noDescriptors.zh", version),
              UserMessages.get("dataset.rollback.noDescriptors.en", version));
        }
        return new Target(
            result.getInt(1),
            version,
            result.getString(2),
            result.getString(3),
            result.getString(4));
      }
    }
  }

  private static int currentRelease(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("select max(id) from release");
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getInt(1);
    }
  }

  /**
   * The new release takes the earlier one's content hash and descriptors; its time is when the
   * operator rolled back, since no data package says when.
   */
  private void insertRelease(Connection connection, int release, Target target, String note)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into release (id, version, published_at, content_hash, package_name, note,"
                + " changes, resources) values (?, ?, ?, ?, ?, ?, '{}'::jsonb, ?::jsonb)")) {
      statement.setInt(1, release);
      statement.setString(2, target.version() + "+rollback." + release);
      statement.setTimestamp(3, Timestamp.from(clock.instant()));
      statement.setString(4, target.contentHash());
      statement.setString(5, target.packageName());
      statement.setString(6, UserMessages.get("dataset.rollback.note", target.version(), note));
      statement.setString(7, target.resources());
      statement.executeUpdate();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    }
  }

  private static ImportRefusedException refused(String zh, String en) {
    return new ImportRefusedException(List.of(new Problem("release", 0, 0, zh, en)));
  }
}
