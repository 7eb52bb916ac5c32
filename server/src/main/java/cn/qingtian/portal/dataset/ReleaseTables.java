package cn.qingtian.portal.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step of the {@link DisclosureGate} sees: the tables of the release being imported (the
 * package's, private ones included, with the outputs of earlier steps in their place) and what the
 * release before it published.
 */
public final class ReleaseTables {

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final PublishedTables previous;

  public ReleaseTables(List<Table> packageTables, PublishedTables previous) {
    packageTables.forEach(table -> tables.put(table.name(), table));
    this.previous = previous;
  }

  /** The table of this name as it stands after the steps so far, if the release has one. */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** The public tables of the release before this one, as published (after the gate). */
  public PublishedTables previous() {
    return previous;
  }

  void replace(List<Table> derived) {
    derived.forEach(table -> tables.put(table.name(), table));
  }

  List<Table> all() {
    return new ArrayList<>(tables.values());
  }
}
