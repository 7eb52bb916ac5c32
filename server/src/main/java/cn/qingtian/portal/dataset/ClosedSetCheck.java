package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.Ordered;

/**
 * The first step of the {@link DisclosureGate}, publishing nothing: it refuses a release in which a
 * column the code reads as a Java enum holds a value outside it, each such cell as {@code
 * file:row:column}. The package's own {@code constraints.enum} already refuses such values at
 * validation; this holds whatever the package's descriptor allows, so an unknown target kind never
 * reaches the progress calculator. A feature declares its closed sets as a bean of this type.
 */
public final class ClosedSetCheck implements DerivedTables, Ordered {

  /** Before every step that derives tables. */
  public static final int ORDER = 0;

  /** The values a column of a table may hold: the names of an enum's constants. */
  public record ClosedSet(String table, String column, List<String> values) {

    public static ClosedSet of(String table, String column, Class<? extends Enum<?>> type) {
      return new ClosedSet(
          table, column, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
  }

  private final List<ClosedSet> sets;

  public ClosedSetCheck(List<ClosedSet> sets) {
    this.sets = List.copyOf(sets);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public List<Table> derive(ReleaseTables release) {
    List<Problem> problems = problemsIn(release::table);
    if (!problems.isEmpty()) {
      throw new ImportRefusedException(problems);
    }
    return List.of();
  }

  /**
   * The cells of validated tables outside their closed set (the {@code validate} command's check).
   */
  public List<Problem> problemsIn(List<Table> tables) {
    return problemsIn(name -> tables.stream().filter(t -> t.name().equals(name)).findFirst());
  }

  private List<Problem> problemsIn(Function<String, Optional<Table>> tables) {
    List<Problem> problems = new ArrayList<>();
    for (ClosedSet set : sets) {
      Table table = tables.apply(set.table()).orElse(null);
      int index = table == null ? -1 : table.schema().indexOf(set.column());
      if (index < 0) {
        continue;
      }
      for (Row row : table.rows()) {
        Object value = row.get(index);
        if (value != null && !set.values().contains(value.toString())) {
          problems.add(
              new Problem(
                  row.file(),
                  row.number(),
                  index + 1,
                  UserMessages.get("dataset.cell.enum.zh", set.column(), value, set.values()),
                  UserMessages.get("dataset.cell.enum.en", set.column(), value, set.values())));
        }
      }
    }
    return problems;
  }
}
