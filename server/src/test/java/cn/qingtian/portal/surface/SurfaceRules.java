package cn.qingtian.portal.surface;

import cn.qingtian.portal.surface.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The four things no unit of a public surface may show (docs/disclosure-control.md, "How it is
 * checked").
 */
final class SurfaceRules {

  /**
   * The word every DEMO label holds, in both languages (decision D25); inside a code such as {@code
   * DEMO_GENERATOR} or {@code #DEMO_ACH_…} it tells a reader nothing and does not count.
   */
  private static final Pattern LABEL = Pattern.compile("(?<![A-Za-z0-9_])DEMO(?![A-Za-z0-9_])");

  /** Whether a text carries the DEMO label. */
  static boolean saysDemo(String text) {
    return LABEL.matcher(text).find();
  }

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");
  private static final List<String> SOURCE_COLUMNS = List.of("source", "来源", "Sources");

  private final ReleaseFacts facts;

  SurfaceRules(ReleaseFacts facts) {
    this.facts = facts;
  }

  List<Violation> check(Unit unit) {
    List<Violation> found = new ArrayList<>();
    var numbers = Numbers.in(unit.text());
    if (!unit.labelled()) {
      numbers.stream()
          .filter(facts.demoNumbers()::contains)
          .findFirst()
          .ifPresent(n -> found.add(violation(Rule.UNLABELLED_DEMO, unit, "DEMO value " + n)));
      facts.demoSentences().stream()
          .filter(unit.text()::contains)
          .findFirst()
          .ifPresent(
              s ->
                  found.add(violation(Rule.UNLABELLED_DEMO, unit, "text written from DEMO: " + s)));
    }
    numbers.stream()
        .filter(facts.withheldFigures()::contains)
        .findFirst()
        .ifPresent(n -> found.add(violation(Rule.FEWER_THAN_TEN, unit, "withheld figure " + n)));
    smallCount(unit.columns()).ifPresent(c -> found.add(violation(Rule.FEWER_THAN_TEN, unit, c)));
    var words = WORD.matcher(unit.text());
    while (words.find()) {
      if (facts.households().contains(words.group())) {
        found.add(violation(Rule.HOUSEHOLD, unit, "household " + words.group()));
        break;
      }
    }
    for (String column : SOURCE_COLUMNS) {
      String source = unit.columns().get(column);
      if (source != null
          && (source.isBlank() || column.equals("source") && !facts.sources().contains(source))) {
        found.add(violation(Rule.NO_SOURCE, unit, column + " = '" + source + "'"));
      }
    }
    return found;
  }

  /**
   * A published count of 1 to 9 contributors: donors of a donation cell, households of an income
   * cell.
   */
  private static java.util.Optional<String> smallCount(Map<String, String> columns) {
    for (String column : List.of("donors", "count")) {
      String value = columns.get(column);
      boolean counted =
          column.equals("donors")
              || columns.containsKey("column")
              || columns.containsKey("column_code");
      if (counted && value != null && value.matches("[1-9](\\.0+)?")) {
        return java.util.Optional.of(column + " = " + value);
      }
    }
    return java.util.Optional.empty();
  }

  private static Violation violation(Rule rule, Unit unit, String detail) {
    String excerpt = unit.text().length() > 160 ? unit.text().substring(0, 160) + "…" : unit.text();
    return new Violation(rule, unit.where(), detail + " in «" + excerpt + "»");
  }
}
