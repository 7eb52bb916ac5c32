package cn.qingtian.portal.release;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads releases through the API's read-only connection. */
@Repository
public class ReleaseRepository {

  private final DatabaseClient database;

  ReleaseRepository(DatabaseClient database) {
    this.database = database;
  }

  private static final String SELECT =
      "select id, version, published_at, committed_at, content_hash, package_name, note,"
          + " (select string_agg(key || ':' || (value ->> 'added') || ':' ||"
          + " (value ->> 'changed') || ':' || (value ->> 'removed'), ',' order by key)"
          + " from jsonb_each(changes)) as changes from release";

  Mono<Release> latest() {
    return database.sql(SELECT + " order by id desc limit 1").map(ReleaseRepository::release).one();
  }

  /** Every release, newest first. */
  public Flux<Release> all() {
    return database.sql(SELECT + " order by id desc").map(ReleaseRepository::release).all();
  }

  /** The release with this number, if any. */
  public Mono<Release> byNumber(int number) {
    return database
        .sql(SELECT + " where id = :id")
        .bind("id", number)
        .map(ReleaseRepository::release)
        .one();
  }

  /** The release published with this version, if any. */
  public Mono<Release> byVersion(String version) {
    return database
        .sql(SELECT + " where version = :version order by id desc limit 1")
        .bind("version", version)
        .map(ReleaseRepository::release)
        .one();
  }

  private static Release release(Readable row) {
    return new Release(
        row.get("id", Integer.class),
        row.get("version", String.class),
        // An instant always with seconds (RFC 3339), as feeds and 360Giving require.
        row.get("published_at", OffsetDateTime.class).toInstant().toString(),
        row.get("content_hash", String.class),
        row.get("package_name", String.class),
        row.get("note", String.class),
        changes(row.get("changes", String.class)),
        row.get("committed_at", OffsetDateTime.class).toInstant().toString());
  }

  /** Parses {@code table:added:changed:removed,…}, aggregated by the query itself. */
  private static List<TableChange> changes(String aggregated) {
    if (aggregated == null || aggregated.isEmpty()) {
      return List.of();
    }
    List<TableChange> changes = new ArrayList<>();
    for (String table : aggregated.split(",")) {
      String[] parts = table.split(":");
      changes.add(
          new TableChange(
              parts[0],
              Integer.parseInt(parts[1]),
              Integer.parseInt(parts[2]),
              Integer.parseInt(parts[3])));
    }
    return List.copyOf(changes);
  }
}
