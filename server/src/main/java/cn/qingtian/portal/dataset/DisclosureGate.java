package cn.qingtian.portal.dataset;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place where a release's public tables are derived (decisions D18, D25:
 * docs/decisions/0018-disclosure-gate-history.md, 0025-disclosure-words.md): every step runs here,
 * during the import, on the validated package and what the previous release published. The API,
 * downloads, site, search and feeds read only what this writes to the public schema, so no route
 * can re-derive a published figure from unprotected rows. Steps run in their order, each seeing the
 * outputs of those before it (the income shares are computed from the protected income table, not
 * from microdata).
 */
public final class DisclosureGate {

  private final List<DerivedTables> steps;

  public DisclosureGate(List<DerivedTables> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * The tables of a release as they are written: private inputs as read, public ones gated.
   *
   * @param packageTables the validated tables of the packages being imported
   */
  public Gated apply(List<Table> packageTables, PublishedTables previous) {
    ReleaseTables release = new ReleaseTables(packageTables, previous);
    Set<String> derived = new LinkedHashSet<>();
    for (DerivedTables step : steps) {
      List<Table> tables = step.derive(release);
      for (Table table : tables) {
        if (table.resource().privateData()) {
          throw new IllegalStateException(
              "a step of the disclosure gate publishes, it never writes private tables: "
                  + table.name());
        }
        if (table.rows().stream().allMatch(Row::isDerived)) {
          derived.add(table.name());
        }
      }
      release.replace(tables);
    }
    return new Gated(release.all(), Set.copyOf(derived));
  }

  /**
   * A release's tables after the gate.
   *
   * @param derived the names of the tables a step wrote whole, so that a change in them revises
   *     what the gate derived (the observations, typed in with computed series added, are not)
   */
  public record Gated(List<Table> tables, Set<String> derived) {}
}
