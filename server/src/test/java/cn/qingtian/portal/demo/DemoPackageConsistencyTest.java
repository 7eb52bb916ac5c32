package cn.qingtian.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.demo.CharityAccounts.Identity;
import cn.qingtian.portal.demo.CharityAccounts.Report;
import cn.qingtian.portal.demo.CharityAccounts.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed DEMO package agrees with itself: the charity tables keep every accounting identity
 * they imply (docs/data.md), and each check is shown to catch a broken copy.
 */
class DemoPackageConsistencyTest {

  @TempDir Path temp;

  @Test
  void theCommittedDemoPackageKeepsEveryAccountingIdentity() {
    Report report = check(PackageFixture.DEMO);
    assertThat(report.violations()).isEmpty();
    assertThat(report.checked())
        .as("each identity was checked on the demo rows, not vacuously")
        .allSatisfy((identity, cases) -> assertThat(cases).as(identity.name()).isPositive());
    assertThat(report.checked().get(Identity.GRANTS_WITHIN_PROGRAMMES)).isEqualTo(6);
    assertThat(report.checked().get(Identity.DONATIONS_WITHIN_INCOME)).isEqualTo(23);
  }

  static Stream<Arguments> brokenCopies() {
    return Stream.of(
        Arguments.of(
            "donations from individuals above the year's donation income",
            Identity.DONATIONS_WITHIN_INCOME,
            (UnaryOperator<Path>) dir -> setFinance(dir, "DEMO_CHARITY_01,2022,", 2, "1")),
        Arguments.of(
            "grants received from a charity left out of the recipient's income",
            Identity.GIFTS_WITHIN_INCOME,
            (UnaryOperator<Path>) DemoPackageConsistencyTest::incomeWithoutGrantsReceived),
        Arguments.of(
            "grants given above programme spending",
            Identity.GRANTS_WITHIN_PROGRAMMES,
            (UnaryOperator<Path>) dir -> setFinance(dir, "DEMO_CHARITY_04,2023,", 3, "0")),
        Arguments.of(
            "donations in a year without finances",
            Identity.ACCOUNTS_FOR_EVERY_ACTIVITY,
            (UnaryOperator<Path>)
                dir ->
                    editLines(
                        dir,
                        "charity_finances.csv",
                        line -> line.startsWith("DEMO_CHARITY_02,2023,") ? null : line)),
        Arguments.of(
            "a grant dated before its funder was registered",
            Identity.ONLY_WHILE_REGISTERED,
            (UnaryOperator<Path>)
                dir ->
                    editLines(
                        dir,
                        "charity_grants.csv",
                        line ->
                            line.startsWith("360G-qtportal-DEMO-GRANT-2022-04-1,")
                                ? line.replaceFirst(",2022-(\\d\\d)-15,", ",2019-$1-15,")
                                : line)),
        Arguments.of(
            "a total without donors",
            Identity.DONORS_MATCH_TOTALS,
            (UnaryOperator<Path>)
                dir ->
                    editLines(
                        dir,
                        "charity_donations.csv",
                        line ->
                            line.startsWith("DEMO_CHARITY_06,2024,HEALTH,")
                                ? line.replaceFirst("HEALTH,\\d+,", "HEALTH,0,")
                                : line)),
        Arguments.of(
            "spending more than was ever received",
            Identity.SPENDING_COVERED,
            (UnaryOperator<Path>) dir -> setFinance(dir, "DEMO_CHARITY_03,2021,", 4, "99999999")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCopies")
  void aBrokenCopyIsCaught(String defect, Identity broken, UnaryOperator<Path> breakIt) {
    Path copy = copyOfDemo();
    breakIt.apply(copy);
    assertThat(check(copy).violations())
        .as(defect)
        .extracting(Violation::identity)
        .contains(broken);
  }

  private static Report check(Path demo) {
    return CharityAccounts.check(
        PackageValidator.validate(List.of(PackageFixture.BUNDLED, demo))
            .valid()
            .orElseThrow(() -> new AssertionError("the demo package does not validate: " + demo)));
  }

  private Path copyOfDemo() {
    Path copy = temp.resolve("demo");
    try (Stream<Path> files = Files.list(PackageFixture.DEMO)) {
      Files.createDirectories(copy);
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }

  /** Sets one column of the finance row that starts with {@code prefix}. */
  private static Path setFinance(Path dir, String prefix, int column, String value) {
    return editLines(
        dir,
        "charity_finances.csv",
        line -> {
          if (!line.startsWith(prefix)) {
            return line;
          }
          String[] cells = line.split(",", -1);
          cells[column] = value;
          return String.join(",", cells);
        });
  }

  /** The income of a recipient of a registry grant set to its individual donations alone. */
  private static Path incomeWithoutGrantsReceived(Path dir) {
    // The columns up to recipient_charity (the sixth) hold no comma; later ones may.
    String grant =
        lines(dir.resolve("charity_grants.csv")).stream()
            .filter(line -> line.split(",")[5].startsWith("DEMO_CHARITY_"))
            .findFirst()
            .orElseThrow();
    String recipient = grant.split(",")[5];
    String year = grant.replaceAll(".*,CNY,(\\d{4})-.*", "$1");
    long individuals =
        lines(dir.resolve("charity_donations.csv")).stream()
            .filter(line -> line.startsWith(recipient + "," + year + ","))
            .mapToLong(line -> Long.parseLong(line.split(",")[4]))
            .sum();
    return setFinance(dir, recipient + "," + year + ",", 2, Long.toString(individuals));
  }

  /** Rewrites a file line by line; a line mapped to null is removed. */
  private static Path editLines(Path dir, String file, UnaryOperator<String> edit) {
    List<String> out = new ArrayList<>();
    int changed = 0;
    for (String line : lines(dir.resolve(file))) {
      String edited = edit.apply(line);
      changed += line.equals(edited) ? 0 : 1;
      if (edited != null) {
        out.add(edited);
      }
    }
    assertThat(changed).as("lines changed in " + file).isEqualTo(1);
    try {
      Files.writeString(dir.resolve(file), String.join("\n", out) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
