package cn.qingtian.portal.dataset;

import static cn.qingtian.portal.dataset.TestTables.row;
import static cn.qingtian.portal.dataset.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one place a release's public tables are derived: order, replacement and what steps see. */
class DisclosureGateTest {

  private static final Table RAW =
      table("charity_donations", "charity,donors:integer", List.of(row("C1", 2L)));

  @Test
  void aStepsTableReplacesThePackagesOfTheSameNameSoTheRawOneIsNeverWritten() {
    Table gated =
        new Table(
            table("charity_donations", "charity,withheld:boolean", List.of()).resource(),
            List.of(Row.derived("charity_donations", 2, row("C1", true))));
    DisclosureGate.Gated result =
        new DisclosureGate(List.of(release -> List.of(gated)))
            .apply(List.of(RAW), PublishedTables.NONE);
    assertThat(result.tables()).containsExactly(gated);
    assertThat(result.derived()).containsExactly("charity_donations");
  }

  @Test
  void aTableAStepOnlyAddedRowsToIsNotWhollyDerived() {
    // Like the observations: typed in, with the computed series added. A change to a typed-in row
    // is not a revision of what the gate derived.
    Table extended =
        new Table(
            RAW.resource(),
            List.of(RAW.rows().get(0), Row.derived("charity_donations", 3, row("C2", 12L))));
    assertThat(
            new DisclosureGate(List.of(release -> List.of(extended)))
                .apply(List.of(RAW), PublishedTables.NONE)
                .derived())
        .isEmpty();
  }

  @Test
  void eachStepSeesTheOutputsOfTheStepsBeforeItAndThePreviousRelease() {
    List<Object> seen = new ArrayList<>();
    PublishedTables previous =
        name -> name.equals("income_cells") ? List.of(Map.of("count", 15)) : List.of();
    DerivedTables first =
        release -> List.of(table("income_cells", "count:integer", List.of(row(20L))));
    DerivedTables second =
        release -> {
          seen.add(release.table("income_cells").orElseThrow().rows().get(0).get(0));
          seen.add(release.previous().rows("income_cells").get(0).get("count"));
          return List.of();
        };
    new DisclosureGate(List.of(first, second)).apply(List.of(RAW), previous);
    assertThat(seen).containsExactly(20L, 15);
  }

  @Test
  void aStepCannotWriteAPrivateTable() {
    Table secret = table("household_microdata", "id", List.of(row("H1")));
    assertThatThrownBy(
            () ->
                new DisclosureGate(List.of(release -> List.of(secret)))
                    .apply(List.of(RAW), PublishedTables.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("household_microdata");
  }
}
