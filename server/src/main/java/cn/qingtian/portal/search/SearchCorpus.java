package cn.qingtian.portal.search;

import static cn.qingtian.portal.database.Rows.string;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.indicator.Observation;
import cn.qingtian.portal.indicator.ObservationSource;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.Temporal;
import cn.qingtian.portal.search.SearchDocument.FacetDimension;
import io.r2dbc.spi.Readable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads every searchable entity of a release from the public tables, with the areas, target groups,
 * units and years it is counted under.
 */
@Component
class SearchCorpus {

  /** The units responsible for a measure (an SQL expression of the measure's code). */
  private static final String MEASURE_DEPARTMENTS =
      "(select string_agg(md.department, ',' order by md.seq) from measure_departments md where"
          + " md.plan = x.plan and md.measure = %s and "
          + Temporal.inRelease("md")
          + ")";

  private final DatabaseClient database;
  private final ObservationSource observations;

  SearchCorpus(DatabaseClient database, ObservationSource observations) {
    this.database = database;
    this.observations = observations;
  }

  Flux<SearchDocument> documents(int release) {
    return observations
        .observations(release, null)
        .collectList()
        .map(IndicatorData::of)
        .flatMapMany(data -> documents(release, data));
  }

  /**
   * What an indicator's observations (typed in and computed) add to its document: the years it has
   * data for, and the weakest provenance among them (DEMO if any is DEMO), as its page shows.
   */
  private record IndicatorData(Map<String, Provenance> weakest, Map<String, Set<String>> years) {

    static IndicatorData of(List<Observation> observations) {
      Map<String, Provenance> weakest = new HashMap<>();
      Map<String, Set<String>> years = new HashMap<>();
      for (Observation o : observations) {
        weakest.merge(o.indicatorCode(), o.provenance(), Provenance::weakerOf);
        years
            .computeIfAbsent(o.indicatorCode(), k -> new TreeSet<>())
            .add(String.valueOf(o.period().year()));
      }
      return new IndicatorData(weakest, years);
    }

    @Nullable String weakest(String indicator) {
      Provenance p = weakest.get(indicator);
      return p == null ? null : p.name();
    }

    Map<FacetDimension, List<String>> withYears(
        String indicator, Map<FacetDimension, List<String>> facets) {
      facets.put(FacetDimension.YEAR, List.copyOf(years.getOrDefault(indicator, Set.of())));
      return facets;
    }
  }

  /**
   * Each kind of entity as documents. A code, title or text a document requires is read from a
   * column that is NOT NULL in the schema, so no document gets a null one.
   */
  private Flux<SearchDocument> documents(int release, IndicatorData data) {
    return Flux.concat(
        plans(release),
        areas(release),
        sources(release),
        indicators(release, data),
        measures(release),
        departments(release),
        targetGroups(release),
        achievements(release),
        charities(release));
  }

  private Flux<SearchDocument> plans(int release) {
    return read(
        release,
        select("plans", null, null, null, null, null),
        row ->
            new SearchDocument(
                "PLAN",
                GlobalId.of("Plan", string(row, "code")),
                string(row, "code"),
                string(row, "title_zh"),
                string(row, "title_en"),
                join(string(row, "doc_number"), string(row, "issuers_zh")),
                string(row, "issuers_en"),
                null,
                0,
                facets(row)));
  }

  private Flux<SearchDocument> areas(int release) {
    return read(
        release,
        select("areas", "x.code", null, null, null, null),
        row ->
            new SearchDocument(
                "AREA",
                GlobalId.of("Area", string(row, "plan"), string(row, "code")),
                string(row, "code"),
                string(row, "title_zh"),
                string(row, "title_en"),
                string(row, "text_zh"),
                null,
                null,
                row.get("seq", Integer.class),
                facets(row)));
  }

  private Flux<SearchDocument> sources(int release) {
    return read(
        release,
        select("sources", null, null, null, null, null),
        row ->
            new SearchDocument(
                "SOURCE",
                GlobalId.of("Source", string(row, "code")),
                string(row, "code"),
                string(row, "title"),
                null,
                string(row, "publisher"),
                string(row, "note_en"),
                null,
                0,
                facets(row)));
  }

  private Flux<SearchDocument> indicators(int release, IndicatorData data) {
    return read(
        release,
        select(
            "indicators",
            "x.area",
            "(select m.target_group from measures m where m.plan = x.plan and m.code = x.measure"
                + " and "
                + Temporal.inRelease("m")
                + ")",
            MEASURE_DEPARTMENTS.formatted("x.measure"),
            null,
            null),
        row ->
            new SearchDocument(
                "INDICATOR",
                GlobalId.of("Indicator", string(row, "code")),
                string(row, "code"),
                string(row, "name_zh"),
                string(row, "name_en"),
                string(row, "definition_zh"),
                string(row, "definition_en"),
                data.weakest(string(row, "code")),
                row.get("seq", Integer.class),
                data.withYears(string(row, "code"), facets(row))));
  }

  private Flux<SearchDocument> measures(int release) {
    return read(
        release,
        select(
            "measures",
            "(select string_agg(distinct i.area, ',') from indicators i where i.plan = x.plan"
                + " and i.measure = x.code and "
                + Temporal.inRelease("i")
                + ")",
            "x.target_group",
            MEASURE_DEPARTMENTS.formatted("x.code"),
            null,
            null),
        row ->
            new SearchDocument(
                "MEASURE",
                GlobalId.of("Measure", string(row, "plan"), string(row, "code")),
                string(row, "code"),
                string(row, "title_zh"),
                string(row, "title_en"),
                string(row, "text_zh"),
                string(row, "summary_en"),
                null,
                row.get("number", Integer.class),
                facets(row)));
  }

  private Flux<SearchDocument> departments(int release) {
    return read(
        release,
        select("departments", null, null, "x.code", null, null),
        row ->
            new SearchDocument(
                "DEPARTMENT",
                GlobalId.of("Department", string(row, "code")),
                string(row, "code"),
                string(row, "name_zh"),
                string(row, "name_en"),
                join(string(row, "full_name_zh"), string(row, "aliases_zh")),
                null,
                null,
                0,
                facets(row)));
  }

  private Flux<SearchDocument> targetGroups(int release) {
    return read(
        release,
        select("target_groups", null, "x.code", null, null, null),
        row ->
            new SearchDocument(
                "TARGET_GROUP",
                GlobalId.of("TargetGroup", string(row, "plan"), string(row, "code")),
                string(row, "code"),
                string(row, "title_zh"),
                string(row, "title_en"),
                string(row, "group_zh"),
                string(row, "group_en"),
                null,
                row.get("seq", Integer.class),
                facets(row)));
  }

  private Flux<SearchDocument> achievements(int release) {
    return read(
        release,
        select(
            "achievements",
            "(select string_agg(distinct i.area, ',') from achievement_measures am join"
                + " indicators i on i.plan = am.plan and i.measure = am.measure and "
                + Temporal.inRelease("i")
                + " where am.achievement = x.code and "
                + Temporal.inRelease("am")
                + ")",
            "(select string_agg(distinct m.target_group, ',') from achievement_measures am"
                + " join measures m on m.plan = am.plan and m.code = am.measure and "
                + Temporal.inRelease("m")
                + " where am.achievement = x.code and "
                + Temporal.inRelease("am")
                + ")",
            "(select string_agg(ad.department, ',') from achievement_departments ad where"
                + " ad.achievement = x.code and "
                + Temporal.inRelease("ad")
                + ")",
            "x.year",
            "x.provenance"),
        row ->
            new SearchDocument(
                "ACHIEVEMENT",
                GlobalId.of("Achievement", string(row, "code")),
                string(row, "code"),
                string(row, "title_zh"),
                string(row, "title_en"),
                string(row, "summary_zh"),
                string(row, "summary_en"),
                string(row, "f_provenance"),
                0,
                facets(row)));
  }

  private Flux<SearchDocument> charities(int release) {
    return read(
        release,
        select("charities", null, null, null, "extract(year from x.registered)", "x.provenance"),
        row ->
            new SearchDocument(
                "CHARITY",
                GlobalId.of("Charity", string(row, "code")),
                string(row, "code"),
                string(row, "name_zh"),
                string(row, "name_en"),
                join(string(row, "note_zh"), string(row, "address")),
                string(row, "note_en"),
                string(row, "f_provenance"),
                0,
                facets(row)));
  }

  /**
   * The rows of {@code table} valid in the release with their facet codes: each facet is an SQL
   * expression over the row {@code x} (a comma-separated list, or null when it does not apply), and
   * so is the provenance shown on its hits.
   */
  private static String select(
      String table,
      @Nullable String area,
      @Nullable String targetGroup,
      @Nullable String department,
      @Nullable String year,
      @Nullable String provenance) {
    return "select x.*, "
        + area
        + " as f_area, "
        + targetGroup
        + " as f_target_group, "
        + department
        + " as f_department, ("
        + year
        + ")::text as f_year, "
        + provenance
        + " as f_provenance from "
        + table
        + " x";
  }

  private static Map<FacetDimension, List<String>> facets(Readable row) {
    Map<FacetDimension, List<String>> facets = new EnumMap<>(FacetDimension.class);
    facets.put(FacetDimension.AREA, codes(row, "f_area"));
    facets.put(FacetDimension.TARGET_GROUP, codes(row, "f_target_group"));
    facets.put(FacetDimension.DEPARTMENT, codes(row, "f_department"));
    facets.put(FacetDimension.YEAR, codes(row, "f_year"));
    return facets;
  }

  private static List<String> codes(Readable row, String column) {
    String value = string(row, column);
    return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
  }

  private Flux<SearchDocument> read(
      int release, String select, Function<Readable, SearchDocument> mapper) {
    return database
        .sql(select + " where " + Temporal.inRelease("x"))
        .bind("release", release)
        .map(mapper::apply)
        .all();
  }

  private static String join(@Nullable String a, @Nullable String b) {
    return (a == null ? "" : a) + (b == null ? "" : " " + b);
  }
}
