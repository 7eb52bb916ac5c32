package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.dataset.ClosedSetCheck.ClosedSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every feature's closed sets must do, asserted for the sets a feature declares: an unknown
 * value in one cell (row 2 of a temp copy of datasets/qingtian) is refused with its file, row and
 * column, by the validator and at import; the bundled packages pass; the descriptor allows exactly
 * the enum's values.
 */
public final class ClosedSetAssertions {

  /** One cell to break: {@code context} is a row fragment holding {@code known}. */
  public record Cell(
      String resource,
      String field,
      String file,
      String context,
      String known,
      String unknown,
      int column) {

    PackageFixture brokenCopy(Path temp) {
      return PackageFixture.copyOfBundled(temp)
          .replace(file, context, context.replace("," + known, "," + unknown));
    }
  }

  private ClosedSetAssertions() {}

  public static void refusedByTheValidator(Path temp, Cell cell) {
    assertOneProblemAt(
        PackageValidator.validate(cell.brokenCopy(temp).directory()).problems(),
        cell,
        "“" + cell.field() + "”",
        "不在允许值");
  }

  public static void refusedAtImport(Path temp, List<ClosedSet> sets, Cell cell) {
    PackageFixture broken =
        cell.brokenCopy(temp).withoutEnumConstraint(cell.resource(), cell.field());
    Validation validation = PackageValidator.validate(broken.directory());
    assertThat(validation.problems()).isEmpty();
    DisclosureGate gate = new DisclosureGate(List.of(new ClosedSetCheck(sets)));

    assertThatThrownBy(
            () -> gate.apply(validation.valid().orElseThrow().tables(), PublishedTables.NONE))
        .isInstanceOfSatisfying(
            ImportRefusedException.class, refused -> assertOneProblemAt(refused.problems(), cell));
  }

  /** One problem, at the cell, naming its value as outside the set (and {@code more}). */
  private static void assertOneProblemAt(List<Problem> problems, Cell cell, String... more) {
    List<String> texts = new ArrayList<>(List.of("“" + cell.unknown() + "”", "is not one of"));
    texts.addAll(List.of(more));
    assertThat(problems)
        .map(Problem::toString)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith(cell.file() + ":2:" + cell.column() + ": ")
                    .contains(texts));
  }

  public static void bundledPackagesPass(List<ClosedSet> sets) {
    Validation validation =
        PackageValidator.validate(List.of(PackageFixture.BUNDLED, PackageFixture.DEMO));
    DisclosureGate gate = new DisclosureGate(List.of(new ClosedSetCheck(sets)));

    assertThat(gate.apply(validation.valid().orElseThrow().tables(), PublishedTables.NONE).tables())
        .isNotEmpty();
  }

  public static void descriptorAllowsExactlyTheEnumConstants(List<ClosedSet> sets) {
    for (ClosedSet set : sets) {
      assertThat(PackageFixture.enumOf(PackageFixture.BUNDLED, set.table(), set.column()))
          .as(set.table() + "." + set.column())
          .containsExactlyElementsOf(set.values());
    }
  }
}
