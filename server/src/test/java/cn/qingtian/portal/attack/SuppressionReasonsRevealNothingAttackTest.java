package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.disclosure.Disclosure;
import cn.qingtian.portal.disclosure.Household;
import cn.qingtian.portal.disclosure.MicrodataGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attack finding 4 (docs/disclosure-control.md): suppression reasons must not reveal what
 * suppression hides. The attacker reads the published income tables of the demo microdata (2,000
 * households, 2020–2024) with their reasons, turns each reason into what it says (a threshold
 * reason: 1–9 households; a group disclosure reason: the cell holds its whole row), and runs the
 * interval linear programs over every table and year. No withheld cell may come out narrower than
 * its protection interval.
 */
@Tag("attack")
class SuppressionReasonsRevealNothingAttackTest {

  private static final List<Integer> YEARS = List.of(2020, 2021, 2022, 2023, 2024);

  @Test
  void thePublishedReasonsNarrowNoWithheldCell() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 2_000, 2020, YEARS.size());
    Disclosure.Result published = Disclosure.run(households, YEARS);

    IncomeAttacker.Outcome total = IncomeAttacker.NOTHING;
    for (int year : YEARS) {
      for (String table : Disclosure.TABLES) {
        IncomeAttacker attacker = new IncomeAttacker(published.cells(), year, table);
        for (Disclosure.Cell cell : attacker.published().values()) {
          if (cell.reason() == null) {
            continue;
          }
          String key = IncomeAttacker.key(cell.row(), cell.column());
          switch (cell.reason().name()) {
            case "THRESHOLD" -> attacker.relation(Map.of(key, 1.0), 1, 9);
            case "GROUP_DISCLOSURE" ->
                attacker.relation(
                    Map.of(key, 1.0, IncomeAttacker.key(cell.row(), IncomeAttacker.TOTAL), -1.0),
                    0,
                    0);
            default -> {} // SECONDARY or WITHHELD: at least 0, which the program already knows
          }
        }
        total =
            total.plus(
                attacker.judge(table + " " + year, IncomeAttacker.truth(households, year, table)));
      }
    }
    System.out.println("reasons attack: " + total);
    assertThat(total.narrowed())
        .as(
            "withheld cells narrowed below their protection interval by the published reasons"
                + " (%d of %d withheld; %d exact): %s",
            total.narrowed(), total.withheld(), total.exact(), total.examples())
        .isZero();
  }
}
