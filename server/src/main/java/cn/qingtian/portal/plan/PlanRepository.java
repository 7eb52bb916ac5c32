package cn.qingtian.portal.plan;

import static cn.qingtian.portal.database.Rows.string;

import cn.qingtian.portal.api.LocalizedText;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Reads the plan structure of one release through the API's read-only connection. */
@Repository
class PlanRepository {

  /**
   * The deprecated role of a unit, as the API has always answered it: the portal's guess from the
   * document's order (the first listed "LEAD"). The data package no longer carries it (decision
   * D16, docs/decisions/0016-schema-changes.md).
   */
  private static final String GUESSED_ROLE =
      "(case when md.seq = 1 then 'LEAD' else 'SUPPORT' end)";

  private final DatabaseClient database;

  PlanRepository(DatabaseClient database) {
    this.database = database;
  }

  Flux<Plan> plans(int release, @Nullable Collection<String> codes) {
    Sql sql = Sql.select("select * from plans p", "p", release);
    if (codes != null) {
      sql.and("p.code = any(:codes)", "codes", codes.toArray(String[]::new));
    }
    return sql.orderBy(
            "case p.level when 'COUNTY' then 1 when 'CITY' then 2 else 3 end,"
                + " p.issue_date desc nulls last, p.code")
        .on(database)
        .map(PlanRepository::plan)
        .all();
  }

  Flux<PlanLink> links(int release, String column, Collection<String> planCodes) {
    return Sql.select("select * from plan_links l", "l", release)
        .and("l." + column + " = any(:codes)", "codes", planCodes.toArray(String[]::new))
        .orderBy("l.plan, l.seq")
        .on(database)
        .map(row -> new PlanLink(string(row, "plan"), string(row, "parent"), integer(row, "seq")))
        .all();
  }

  Flux<Principle> principles(int release, Collection<String> planCodes) {
    return byPlan("principles", "seq", release, planCodes)
        .map(
            row ->
                new Principle(
                    string(row, "plan"),
                    integer(row, "seq"),
                    text(row, "title_zh", "title_en"),
                    string(row, "text_zh")))
        .all();
  }

  Flux<Area> areas(int release, Collection<String> planCodes) {
    return byPlan("areas", "seq", release, planCodes)
        .map(
            row ->
                new Area(
                    string(row, "plan"),
                    string(row, "code"),
                    integer(row, "seq"),
                    text(row, "title_zh", "title_en"),
                    string(row, "text_zh")))
        .all();
  }

  Flux<Section> sections(int release, Collection<String> planCodes) {
    return byPlan("sections", "seq", release, planCodes)
        .map(
            row ->
                new Section(
                    string(row, "plan"),
                    string(row, "code"),
                    integer(row, "seq"),
                    text(row, "title_zh", "title_en"),
                    string(row, "intro_zh")))
        .all();
  }

  Flux<TargetGroup> targetGroups(int release, Collection<String> planCodes) {
    return byPlan("target_groups", "seq", release, planCodes)
        .map(
            row ->
                new TargetGroup(
                    string(row, "plan"),
                    string(row, "code"),
                    integer(row, "seq"),
                    text(row, "title_zh", "title_en"),
                    text(row, "group_zh", "group_en")))
        .all();
  }

  Flux<Measure> measures(int release, MeasureFilter filter) {
    Sql sql =
        Sql.select("select m.* from measures m", "m", release)
            .andIf(filter.plan(), "m.plan = :plan", "plan")
            .andIf(filter.kind(), "m.kind = :kind", "kind")
            .andIf(filter.section(), "m.section = :section", "section")
            .andIf(filter.targetGroup(), "m.target_group = :targetGroup", "targetGroup");
    if (filter.department() != null || filter.role() != null) {
      sql.where(
              "exists (select 1 from measure_departments md where md.plan = m.plan and"
                  + " md.measure = m.code and "
                  + Sql.inRelease("md")
                  + (filter.department() == null ? "" : " and md.department = :department")
                  + (filter.role() == null ? "" : " and " + GUESSED_ROLE + " = :role")
                  + ")")
          .bindIf(filter.department(), "department")
          .bindIf(filter.role(), "role");
    }
    return sql.on(database).map(PlanRepository::measure).all();
  }

  Flux<Measure> measuresOfPlans(int release, Collection<String> planCodes) {
    return Sql.select("select m.* from measures m", "m", release)
        .and("m.plan = any(:plans)", "plans", planCodes.toArray(String[]::new))
        .on(database)
        .map(PlanRepository::measure)
        .all();
  }

  /** Measures whose {@code plan/column} is one of {@code keys}. */
  Flux<Measure> measuresWhere(int release, String column, Collection<String> keys) {
    return Sql.select("select m.* from measures m", "m", release)
        .and(
            "(m.plan || '/' || m." + column + ") = any(:keys)", "keys", keys.toArray(String[]::new))
        .on(database)
        .map(PlanRepository::measure)
        .all();
  }

  /** Responsibilities whose {@code column} is one of {@code values}, joined to unit and measure. */
  Flux<Assignment> responsibilities(int release, String column, Collection<String> values) {
    return Sql.select(
            "select md.plan, md.measure, md.seq, md.department, "
                + GUESSED_ROLE
                + " as role, d.name_zh as d_name_zh,"
                + " d.name_en as d_name_en, d.full_name_zh as d_full_name_zh, d.kind as d_kind,"
                + " d.aliases_zh as d_aliases_zh, m.kind as m_kind, m.number as m_number,"
                + " m.section as m_section, m.target_group as m_target_group,"
                + " m.title_zh as m_title_zh, m.title_en as m_title_en,"
                + " m.summary_en as m_summary_en, m.text_zh as m_text_zh"
                + " from measure_departments md"
                + " join departments d on d.code = md.department and "
                + Sql.inRelease("d")
                + " join measures m on m.plan = md.plan and m.code = md.measure and "
                + Sql.inRelease("m"),
            "md",
            release)
        .and("(" + column + ") = any(:values)", "values", values.toArray(String[]::new))
        .orderBy("md.plan, md.measure, md.seq")
        .on(database)
        .map(
            row -> {
              String planCode = string(row, "plan");
              String measureCode = string(row, "measure");
              String departmentCode = string(row, "department");
              return new Assignment(
                  new Responsibility(
                      planCode,
                      measureCode,
                      integer(row, "seq"),
                      departmentCode,
                      string(row, "role")),
                  department(row, departmentCode, "d_"),
                  measure(row, planCode, measureCode, "m_"));
            })
        .all();
  }

  Flux<Department> departments(
      int release,
      @Nullable String kind,
      @Nullable String plan,
      @Nullable Collection<String> codes) {
    Sql sql =
        Sql.select("select d.* from departments d", "d", release)
            .andIf(kind, "d.kind = :kind", "kind")
            .andIf(
                plan,
                "exists (select 1 from measure_departments md where md.department = d.code and"
                    + " md.plan = :plan and "
                    + Sql.inRelease("md")
                    + ")",
                "plan");
    if (codes != null) {
      sql.and("d.code = any(:codes)", "codes", codes.toArray(String[]::new));
    }
    return sql.orderBy("d.code")
        .on(database)
        .map(row -> department(row, string(row, "code"), ""))
        .all();
  }

  Flux<Indicator> indicators(int release, IndicatorFilter filter) {
    Sql sql =
        Sql.select("select i.* from indicators i", "i", release)
            .andIf(filter.plan(), "i.plan = :plan", "plan")
            .andIf(filter.area(), "i.area = :area", "area")
            .andIf(filter.measure(), "i.measure = :measure", "measure")
            .andIf(
                filter.targetGroup(),
                "exists (select 1 from measures m where m.plan = i.plan and m.code = i.measure and"
                    + " m.target_group = :targetGroup and "
                    + Sql.inRelease("m")
                    + ")",
                "targetGroup")
            .andIf(
                filter.department(),
                "(i.statistical_unit = :department or exists (select 1 from measure_departments md"
                    + " where md.plan = i.plan and md.measure = i.measure and md.department ="
                    + " :department and "
                    + Sql.inRelease("md")
                    + "))",
                "department")
            .andIf(
                filter.targetKind(),
                "exists (select 1 from targets t where t.indicator = i.code and t.kind = :targetKind"
                    + " and "
                    + Sql.inRelease("t")
                    + ")",
                "targetKind");
    return sql.on(database).map(PlanRepository::indicator).all();
  }

  Flux<Indicator> indicatorsWhere(int release, String column, Collection<String> values) {
    return Sql.select("select i.* from indicators i", "i", release)
        .and("(i." + column + ") = any(:values)", "values", values.toArray(String[]::new))
        .on(database)
        .map(PlanRepository::indicator)
        .all();
  }

  Flux<Target> targets(int release, Collection<String> indicatorCodes) {
    return Sql.select("select t.* from targets t", "t", release)
        .and("t.indicator = any(:codes)", "codes", indicatorCodes.toArray(String[]::new))
        .orderBy("t.indicator, t.seq")
        .on(database)
        .map(PlanRepository::target)
        .all();
  }

  Flux<Target> allTargets(int release) {
    return Sql.select("select t.* from targets t", "t", release)
        .orderBy("t.indicator, t.seq")
        .on(database)
        .map(PlanRepository::target)
        .all();
  }

  Flux<Target> targetsByCode(int release, Collection<String> codes) {
    return Sql.select("select t.* from targets t", "t", release)
        .and("t.code = any(:codes)", "codes", codes.toArray(String[]::new))
        .on(database)
        .map(PlanRepository::target)
        .all();
  }

  Flux<TargetQuote> quotes(int release, Collection<String> targetCodes) {
    return Sql.select("select q.* from target_quotes q", "q", release)
        .and("q.target = any(:codes)", "codes", targetCodes.toArray(String[]::new))
        .orderBy("q.target, q.seq")
        .on(database)
        .map(
            row ->
                new TargetQuote(
                    string(row, "target"),
                    integer(row, "seq"),
                    string(row, "plan"),
                    string(row, "area"),
                    string(row, "measure"),
                    string(row, "quote_zh")))
        .all();
  }

  private DatabaseClient.GenericExecuteSpec byPlan(
      String table, String order, int release, Collection<String> planCodes) {
    return Sql.select("select x.* from " + table + " x", "x", release)
        .and("x.plan = any(:plans)", "plans", planCodes.toArray(String[]::new))
        .orderBy("x.plan, x." + order)
        .on(database);
  }

  private static Plan plan(Readable row) {
    String issuersZh = string(row, "issuers_zh");
    String issuersEn = string(row, "issuers_en");
    String[] zh = issuersZh == null ? new String[0] : issuersZh.split("\\|");
    String[] en = issuersEn == null ? new String[0] : issuersEn.split("\\|");
    List<LocalizedText> issuers =
        java.util.stream.IntStream.range(0, zh.length)
            .mapToObj(i -> LocalizedText.of(zh[i], i < en.length ? en[i] : null))
            .toList();
    LocalDate issueDate = row.get("issue_date", LocalDate.class);
    return new Plan(
        string(row, "code"),
        text(row, "title_zh", "title_en"),
        string(row, "doc_number"),
        issuers,
        issueDate == null ? null : issueDate.toString(),
        integer(row, "period_start"),
        integer(row, "period_end"),
        PlanLevel.valueOf(string(row, "level")),
        string(row, "geography"));
  }

  private static Measure measure(Readable row) {
    return measure(row, string(row, "plan"), string(row, "code"), "");
  }

  private static Measure measure(Readable row, String planCode, String code, String prefix) {
    return new Measure(
        planCode,
        code,
        MeasureKind.valueOf(string(row, prefix + "kind")),
        integer(row, prefix + "number"),
        string(row, prefix + "section"),
        string(row, prefix + "target_group"),
        text(row, prefix + "title_zh", prefix + "title_en"),
        text(row, prefix + "text_zh", prefix + "summary_en"),
        string(row, prefix + "text_zh"));
  }

  private static Department department(Readable row, String code, String prefix) {
    String aliases = string(row, prefix + "aliases_zh");
    return new Department(
        code,
        text(row, prefix + "name_zh", prefix + "name_en"),
        string(row, prefix + "full_name_zh"),
        string(row, prefix + "kind"),
        aliases == null ? List.of() : Arrays.asList(aliases.split("\\|")));
  }

  private static Indicator indicator(Readable row) {
    return new Indicator(
        string(row, "code"),
        string(row, "plan"),
        integer(row, "seq"),
        text(row, "name_zh", "name_en"),
        text(row, "definition_zh", "definition_en"),
        string(row, "scope_zh"),
        text(row, "unit_zh", "unit_en"),
        string(row, "frequency"),
        string(row, "statistical_unit"),
        string(row, "area"),
        string(row, "measure"));
  }

  private static Target target(Readable row) {
    BigDecimal value = row.get("value", BigDecimal.class);
    String unitZh = string(row, "unit_zh");
    return new Target(
        string(row, "code"),
        string(row, "indicator"),
        integer(row, "seq"),
        TargetKind.valueOf(string(row, "kind")),
        TargetComparator.valueOf(string(row, "comparator")),
        value == null ? null : value.doubleValue(),
        unitZh == null ? null : LocalizedText.of(unitZh, string(row, "unit_en")),
        row.get("base_year", Integer.class),
        integer(row, "target_year"),
        string(row, "related_indicator"),
        text(row, "text_zh", "text_en"),
        string(row, "unmeasurable_reason_zh") == null
            ? null
            : text(row, "unmeasurable_reason_zh", "unmeasurable_reason_en"));
  }

  private static LocalizedText text(Readable row, String zh, String en) {
    return LocalizedText.of(string(row, zh), string(row, en));
  }

  private static int integer(Readable row, String column) {
    Integer value = row.get(column, Integer.class);
    return value == null ? 0 : value;
  }

  /** A plan implementing a parent plan. */
  record PlanLink(String plan, String parent, int position) {}
}
