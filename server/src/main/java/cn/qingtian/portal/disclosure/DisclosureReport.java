package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.indicator.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * The disclosure report's line for one table and year; its provenance is that of the microdata
 * (none for releases published before the report carried it). Since attack finding 4
 * (docs/disclosure-control.md) the withheld entries are all counted in {@code primarySuppressed}
 * ({@code secondarySuppressed} is 0): telling them apart narrowed the cells. {@code epsilon} is
 * what this release spent on the table, {@code epsilonToDate} what the table and year has spent
 * over all releases.
 */
public record DisclosureReport(
    int year,
    String table,
    int entries,
    int published,
    int primarySuppressed,
    int secondarySuppressed,
    boolean auditPassed,
    String rules,
    double epsilon,
    double epsilonToDate,
    @Nullable Provenance provenance) {

  /** Entries withheld, whatever the reason. */
  public int withheld() {
    return primarySuppressed + secondarySuppressed;
  }
}
