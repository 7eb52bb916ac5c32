package cn.qingtian.portal.release;

import cn.qingtian.portal.dataset.TableChange;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads releases through the API's read-only connection. */
@Repository
class ReleaseRepository {

  private final DatabaseClient database;

  ReleaseRepository(DatabaseClient database) {
    this.database = database;
  }

  Mono<Release> latest() {
    return database
        .sql(
            "select id, version, published_at, content_hash, package_name, note,"
                + " (select string_agg(key || ':' || (value ->> 'added') || ':' ||"
                + " (value ->> 'changed') || ':' || (value ->> 'removed'), ',' order by key)"
                + " from jsonb_each(changes)) as changes from release order by id desc limit 1")
        .map(
            (row, metadata) ->
                new Release(
                    row.get("id", Integer.class),
                    row.get("version", String.class),
                    row.get("published_at", OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toString(),
                    row.get("content_hash", String.class),
                    row.get("package_name", String.class),
                    row.get("note", String.class),
                    changes(row.get("changes", String.class))))
        .one();
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
