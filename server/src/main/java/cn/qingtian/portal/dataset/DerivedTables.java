package cn.qingtian.portal.dataset;

import java.util.List;

/**
 * Tables computed from a validated package during its import, in the same transaction, and
 * versioned like the package's own tables (such as the protected income tables derived from private
 * microdata). Throwing {@link ImportRefusedException} refuses the release.
 */
public interface DerivedTables {

  /**
   * The derived tables of this package: always all of them, empty when there is nothing to derive.
   */
  List<Table> derive(ValidatedPackage validated);
}
