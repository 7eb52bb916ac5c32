package cn.qingtian.portal.dataset;

import cn.qingtian.portal.api.Sha256;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Content hashes (decision D4, docs/decisions/0004-releases.md): a row's hash depends only on its
 * typed values, and a package's hash only on its name and the set of rows of each table, so
 * re-saving a file or reordering its rows makes no new release.
 */
public final class RowHash {

  private RowHash() {}

  public static String of(Row row) {
    StringBuilder canonical = new StringBuilder();
    for (Object value : row.values()) {
      canonical.append(canonical(value)).append('\u001f');
    }
    return Sha256.hex(canonical.toString());
  }

  public static String ofPackage(ValidatedPackage validated) {
    StringBuilder canonical = new StringBuilder(validated.name()).append('\n');
    validated.tables().stream()
        .sorted(Comparator.comparing(Table::name))
        .forEach(
            table -> {
              canonical.append(table.name()).append('\n');
              List<String> hashes = new ArrayList<>();
              table.rows().forEach(row -> hashes.add(of(row)));
              hashes.sort(null);
              hashes.forEach(h -> canonical.append(h).append('\n'));
            });
    return Sha256.hex(canonical.toString());
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "\u0000";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
