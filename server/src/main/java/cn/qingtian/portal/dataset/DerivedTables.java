package cn.qingtian.portal.dataset;

import java.util.List;

/**
 * One step of the {@link DisclosureGate}: public tables derived from the tables of a release being
 * imported, in the same transaction, and versioned like the package's own (the protected income
 * tables from private microdata, donation aggregates with too few donors withheld, the series
 * computed from registries). Throwing {@link ImportRefusedException} refuses the release.
 */
public interface DerivedTables {

  /**
   * The tables this step publishes, always all of them (empty when there is nothing to derive). A
   * table with the name of one already in the release replaces it: a package's own table of that
   * name is then only this step's input and is never published as it is.
   */
  List<Table> derive(ReleaseTables release);
}
