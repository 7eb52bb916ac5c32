package cn.qingtian.portal.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Serializes publishing: one import or rollback at a time, across processes (docs/reliability.md,
 * attack finding 12).
 *
 * <p>The lock is {@code LOCK TABLE private.import_lock IN EXCLUSIVE MODE}, held until the
 * transaction ends. The API's read-only login cannot take it: it has no privilege on the private
 * schema, and PostgreSQL lets only a role that may update a table lock it in that mode. An advisory
 * lock, used before, cannot be revoked: any login could take its key and make every import hang.
 *
 * <p>An import that finds the lock held says so, waits at most the configured timeout ({@code
 * lock_timeout} for that one statement) and then gives up with a message; nothing of it is kept.
 */
public final class ImportLock {

  /**
   * PostgreSQL's {@code lock_not_available}: NOWAIT found the lock held, or lock_timeout passed.
   */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private static final String LOCK = "lock table private.import_lock in exclusive mode";

  private final Duration timeout;

  public ImportLock(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the import lock timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * Takes the lock for the rest of the connection's transaction (auto-commit off), waiting for
   * another import at most the timeout.
   *
   * @throws ImportLockTimeoutException when another import or rollback held it that long
   */
  public void acquire(Connection connection, Consumer<String> progress) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      Savepoint attempt = connection.setSavepoint();
      try {
        statement.execute(LOCK + " nowait");
        connection.releaseSavepoint(attempt);
        return;
      } catch (SQLException e) {
        if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
          throw e;
        }
        connection.rollback(attempt);
      }
      progress.accept(
          "正在等待另一个导入或回滚结束（最多 "
              + describe(timeout)
              + "）/ waiting for another import or rollback to finish (at most "
              + describe(timeout)
              + ")"
              + holder(statement)
              + " …");
      String previous = setting(statement, "lock_timeout");
      statement.execute("set local lock_timeout = " + timeout.toMillis());
      try {
        statement.execute(LOCK);
      } catch (SQLException e) {
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
          throw new ImportLockTimeoutException(timeout, e);
        }
        throw e;
      }
      // The rest of the import keeps the session's own lock timeout.
      try (var reset = connection.prepareStatement("select set_config('lock_timeout', ?, true)")) {
        reset.setString(1, previous);
        reset.execute();
      }
    }
  }

  public Duration timeout() {
    return timeout;
  }

  /** Who holds the lock, for the waiting message: the owner login sees its own sessions. */
  private static String holder(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery(
            "select a.pid, coalesce(nullif(a.application_name, ''), '?'),"
                + " extract(epoch from now() - a.xact_start)::bigint"
                + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'relation' and l.granted"
                + " and l.relation = 'private.import_lock'::regclass"
                + " and l.pid <> pg_backend_pid() limit 1")) {
      if (!rows.next()) {
        return "";
      }
      return "; held by PostgreSQL session "
          + rows.getLong(1)
          + " ("
          + rows.getString(2)
          + ") for "
          + rows.getLong(3)
          + " s";
    }
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet rows = statement.executeQuery("select current_setting('" + name + "')")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** A duration as an operator writes it in the settings: 10m, 2s, 500ms. */
  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }

  /** The import waited the whole lock timeout for another import or rollback; nothing changed. */
  public static final class ImportLockTimeoutException extends SQLException {

    ImportLockTimeoutException(Duration timeout, SQLException cause) {
      super(
          "另一个导入或回滚持有导入锁已超过 "
              + describe(timeout)
              + "，本次导入未改变数据库；请等它结束后再试，或调大 portal.database.import-lock-timeout"
              + " / another import or rollback held the import lock for longer than the lock timeout"
              + " ("
              + describe(timeout)
              + "): nothing was changed; try again when it has finished, or raise"
              + " portal.database.import-lock-timeout",
          LOCK_NOT_AVAILABLE,
          cause);
    }
  }
}
