package cn.qingtian.portal.search;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.release.Temporal;
import io.r2dbc.spi.Readable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Reads every searchable entity of a release from the public tables. */
@Component
class SearchCorpus {

  private final DatabaseClient database;

  SearchCorpus(DatabaseClient database) {
    this.database = database;
  }

  Flux<SearchDocument> documents(int release) {
    return Flux.concat(
        read(
            release,
            "select * from plans x",
            row ->
                new SearchDocument(
                    "PLAN",
                    GlobalId.of("Plan", str(row, "code")),
                    str(row, "code"),
                    str(row, "title_zh"),
                    opt(row, "title_en"),
                    join(opt(row, "doc_number"), opt(row, "issuers_zh")),
                    opt(row, "issuers_en"),
                    null,
                    0)),
        read(
            release,
            "select * from areas x",
            row ->
                new SearchDocument(
                    "AREA",
                    GlobalId.of("Area", str(row, "plan"), str(row, "code")),
                    str(row, "code"),
                    str(row, "title_zh"),
                    opt(row, "title_en"),
                    str(row, "text_zh"),
                    null,
                    null,
                    row.get("seq", Integer.class))),
        read(
            release,
            "select * from sources x",
            row ->
                new SearchDocument(
                    "SOURCE",
                    GlobalId.of("Source", str(row, "code")),
                    str(row, "code"),
                    str(row, "title"),
                    null,
                    str(row, "publisher"),
                    opt(row, "note_en"),
                    null,
                    0)),
        read(
            release,
            "select * from indicators x",
            row ->
                new SearchDocument(
                    "INDICATOR",
                    GlobalId.of("Indicator", str(row, "code")),
                    str(row, "code"),
                    str(row, "name_zh"),
                    opt(row, "name_en"),
                    str(row, "definition_zh"),
                    opt(row, "definition_en"),
                    null,
                    row.get("seq", Integer.class))),
        read(
            release,
            "select * from measures x",
            row ->
                new SearchDocument(
                    "MEASURE",
                    GlobalId.of("Measure", str(row, "plan"), str(row, "code")),
                    str(row, "code"),
                    str(row, "title_zh"),
                    opt(row, "title_en"),
                    str(row, "text_zh"),
                    opt(row, "summary_en"),
                    null,
                    row.get("number", Integer.class))),
        read(
            release,
            "select * from departments x",
            row ->
                new SearchDocument(
                    "DEPARTMENT",
                    GlobalId.of("Department", str(row, "code")),
                    str(row, "code"),
                    str(row, "name_zh"),
                    opt(row, "name_en"),
                    join(opt(row, "full_name_zh"), opt(row, "aliases_zh")),
                    null,
                    null,
                    0)),
        read(
            release,
            "select * from target_groups x",
            row ->
                new SearchDocument(
                    "TARGET_GROUP",
                    GlobalId.of("TargetGroup", str(row, "plan"), str(row, "code")),
                    str(row, "code"),
                    str(row, "title_zh"),
                    opt(row, "title_en"),
                    str(row, "group_zh"),
                    opt(row, "group_en"),
                    null,
                    row.get("seq", Integer.class))),
        read(
            release,
            "select * from achievements x",
            row ->
                new SearchDocument(
                    "ACHIEVEMENT",
                    GlobalId.of("Achievement", str(row, "code")),
                    str(row, "code"),
                    str(row, "title_zh"),
                    opt(row, "title_en"),
                    str(row, "summary_zh"),
                    opt(row, "summary_en"),
                    opt(row, "provenance"),
                    0)),
        read(
            release,
            "select * from charities x",
            row ->
                new SearchDocument(
                    "CHARITY",
                    GlobalId.of("Charity", str(row, "code")),
                    str(row, "code"),
                    str(row, "name_zh"),
                    opt(row, "name_en"),
                    join(opt(row, "note_zh"), opt(row, "address")),
                    opt(row, "note_en"),
                    opt(row, "provenance"),
                    0)));
  }

  private Flux<SearchDocument> read(
      int release, String select, Function<Readable, SearchDocument> mapper) {
    return database
        .sql(select + " where " + Temporal.inRelease("x"))
        .bind("release", release)
        .map(mapper::apply)
        .all();
  }

  private static String str(Readable row, String column) {
    String value = row.get(column, String.class);
    return value == null ? "" : value;
  }

  private static @Nullable String opt(Readable row, String column) {
    return row.get(column, String.class);
  }

  private static String join(@Nullable String a, @Nullable String b) {
    return (a == null ? "" : a) + (b == null ? "" : " " + b);
  }
}
