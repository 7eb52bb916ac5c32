package cn.qingtian.portal.plan;

import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** What other features read of a release's plan structure: all plans, indicators and targets. */
@Component
public class PlanCatalog {

  private final PlanRepository plans;
  private final DatabaseClient database;

  PlanCatalog(PlanRepository plans, DatabaseClient database) {
    this.plans = plans;
    this.database = database;
  }

  public Flux<Plan> plans(int release) {
    return plans.plans(release, null);
  }

  public Flux<Target> targets(int release) {
    return plans.allTargets(release);
  }

  /** Every target with its place in the plan, in one statement. */
  public Flux<TargetPlacement> placements(int release) {
    return Sql.select(
            "select t.code as target, i.code as indicator, i.plan, i.area, i.measure,"
                + " m.target_group, (select string_agg(md.department, ',' order by md.seq) from"
                + " measure_departments md where md.plan = i.plan and md.measure = i.measure and "
                + Sql.inRelease("md")
                + ") as departments from targets t join indicators i on i.code = t.indicator and "
                + Sql.inRelease("i")
                + " left join measures m on m.plan = i.plan and m.code = i.measure and "
                + Sql.inRelease("m"),
            "t",
            release)
        .on(database)
        .map(
            row -> {
              String departments = row.get("departments", String.class);
              return new TargetPlacement(
                  row.get("target", String.class),
                  row.get("indicator", String.class),
                  row.get("plan", String.class),
                  row.get("area", String.class),
                  row.get("measure", String.class),
                  row.get("target_group", String.class),
                  departments == null ? List.of() : Arrays.asList(departments.split(",")));
            })
        .all();
  }
}
