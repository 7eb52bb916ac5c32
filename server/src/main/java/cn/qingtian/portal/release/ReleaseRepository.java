package cn.qingtian.portal.release;

import cn.qingtian.portal.dataset.TableChange;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads releases through the API's read-only connection. */
@Repository
class ReleaseRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DatabaseClient database;

  ReleaseRepository(DatabaseClient database) {
    this.database = database;
  }

  Mono<Release> latest() {
    return database
        .sql(
            "select id, version, published_at, content_hash, package_name, note, changes::text"
                + " as changes from release order by id desc limit 1")
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

  private static List<TableChange> changes(String json) {
    Map<String, Map<String, Integer>> byTable = JSON.readValue(json, new TypeReference<>() {});
    List<TableChange> changes = new ArrayList<>();
    byTable.forEach(
        (table, counts) ->
            changes.add(
                new TableChange(
                    table,
                    counts.getOrDefault("added", 0),
                    counts.getOrDefault("changed", 0),
                    counts.getOrDefault("removed", 0))));
    return List.copyOf(changes);
  }
}
