package cn.qingtian.portal.charity;

import static cn.qingtian.portal.dataset.TestTables.row;
import static cn.qingtian.portal.dataset.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.PublishedTables;
import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The donations step of the disclosure gate: what of a charity's donations may be published. */
class DonationTablesTest {

  private static final String TYPED =
      "charity,year:integer,field,donors:integer,total:number,provenance,source";
  private static final String RECORDS =
      "id,charity,date:date,donor,amount:number,field,provenance,source";

  @Test
  void aTypedInAggregateOfFewerThanTenDonorsKeepsOnlyThatItExists() {
    Map<String, Map<String, @Nullable Object>> published =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 2L, new BigDecimal("4460"), "DEMO", "S"),
                row("C1", 2023L, "ELDERLY", 10L, new BigDecimal("9000"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 40L, new BigDecimal("20000"), "DEMO", "S")),
            null);
    assertThat(published.get("C1 2023 EDUCATION"))
        .containsEntry("donors", null)
        .containsEntry("total", null)
        .containsEntry("withheld", true)
        .containsEntry("provenance", "DEMO");
    assertThat(published.get("C1 2023 HEALTH"))
        .containsEntry("donors", 40L)
        .containsEntry("total", new BigDecimal("20000"))
        .containsEntry("withheld", false);
  }

  @Test
  void aLoneWithheldCellTakesTheSmallestPublishedCellOfItsYearWithIt() {
    // Otherwise the charity's published donation income less the other fields comes close to the
    // withheld total.
    Map<String, Map<String, @Nullable Object>> published =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 2L, new BigDecimal("4460"), "DEMO", "S"),
                row("C1", 2023L, "ELDERLY", 10L, new BigDecimal("9000"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 40L, new BigDecimal("20000"), "DEMO", "S"),
                row("C1", 2024L, "EDUCATION", 3L, new BigDecimal("100"), "DEMO", "S"),
                row("C1", 2024L, "ELDERLY", 4L, new BigDecimal("100"), "DEMO", "S"),
                row("C1", 2024L, "HEALTH", 40L, new BigDecimal("20000"), "DEMO", "S")),
            null);
    assertThat(published.get("C1 2023 ELDERLY")).containsEntry("withheld", true);
    assertThat(published.get("C1 2023 HEALTH")).containsEntry("withheld", false);
    // Two withheld cells already protect each other.
    assertThat(published.get("C1 2024 HEALTH")).containsEntry("withheld", false);
  }

  @Test
  void recordsArePublishedAsTheirDonorCountAndTotalWhenNoDonorDominates() {
    List<List<@Nullable Object>> records = new ArrayList<>();
    for (int donor = 1; donor <= 12; donor++) {
      records.add(gift(donor, "D" + donor, 100));
    }
    records.add(gift(13, "D1", 50)); // a donor giving twice counts once
    Map<String, @Nullable Object> cell = publish(null, records(records)).get("C1 2024 ELDERLY");
    assertThat(cell)
        .containsEntry("donors", 12L)
        .containsEntry("total", new BigDecimal("1250"))
        .containsEntry("withheld", false)
        .containsEntry("source", "S");
  }

  @Test
  void aTotalMostlyFromOneOrTwoDonorsIsWithheldHoweverManyGave() {
    List<List<@Nullable Object>> one = new ArrayList<>();
    List<List<@Nullable Object>> two = new ArrayList<>();
    for (int donor = 1; donor <= 10; donor++) {
      // (1, 50): one donor gives 51 % of the total.
      one.add(gift(donor, "D" + donor, donor == 1 ? 940 : 100));
      // (2, 67): two donors give 68 % between them, neither more than half.
      two.add(gift(donor, "D" + donor, donor <= 2 ? 850 : 100));
    }
    assertThat(publish(null, records(one)).get("C1 2024 ELDERLY")).containsEntry("withheld", true);
    assertThat(publish(null, records(two)).get("C1 2024 ELDERLY")).containsEntry("withheld", true);
  }

  @Test
  void aCellBothTypedInAndRecordedIsRefused() {
    List<List<@Nullable Object>> records = new ArrayList<>();
    for (int donor = 1; donor <= 10; donor++) {
      records.add(gift(donor, "D" + donor, 100));
    }
    Table typed = typed(row("C1", 2024L, "ELDERLY", 10L, new BigDecimal("1000"), "DEMO", "S"));
    assertThatThrownBy(() -> publish(typed, records(records)))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("C1 2024 ELDERLY")
        .hasMessageContaining("keep one of them");
  }

  @Test
  void thePublishedTableIsDescribedWithItsWithheldColumn() {
    Table published =
        new DonationTables()
            .derive(new ReleaseTables(List.of(typed()), PublishedTables.NONE))
            .get(0);
    assertThat(published.resource().privateData()).isFalse();
    assertThat(published.schema().fieldNames())
        .containsExactly(
            "charity", "year", "field", "donors", "total", "withheld", "provenance", "source");
    assertThat(published.resource().description()).contains("fewer than 10 donors");
  }

  @Test
  void aNewFigureThatDiffersFromAPublishedOneByFewerThanTenDonorsIsWithheld() {
    // 10 donors/11,665 published; 11 donors/100,553 now would publish a gift of 88,888.
    PublishedTables before = history(List.of(published(2023, "EDUCATION", 10, "11665")));
    Map<String, Map<String, @Nullable Object>> now =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 11L, new BigDecimal("100553"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 40L, new BigDecimal("20000"), "DEMO", "S"),
                row("C1", 2023L, "ELDERLY", 30L, new BigDecimal("9000"), "DEMO", "S")),
            null,
            before);
    assertThat(now.get("C1 2023 EDUCATION")).containsEntry("withheld", true);
    // Its only partner: the smallest new cell of the year.
    assertThat(now.get("C1 2023 ELDERLY")).containsEntry("withheld", true);
    assertThat(now.get("C1 2023 HEALTH")).containsEntry("withheld", false);
  }

  @Test
  void aChangedTotalWithTheSameDonorCountIsWithheld() {
    // A donor's second gift, or a correction of one gift, keeps the count.
    PublishedTables before = history(List.of(published(2023, "EDUCATION", 40, "20000")));
    assertThat(
            publish(
                    typed(row("C1", 2023L, "EDUCATION", 40L, new BigDecimal("27777"), "DEMO", "S")),
                    null,
                    before)
                .get("C1 2023 EDUCATION"))
        .containsEntry("withheld", true);
  }

  @Test
  void aChangeFromTenOrMoreDonorsAndAnUnchangedFigureArePublished() {
    PublishedTables before =
        history(
            List.of(
                published(2023, "EDUCATION", 10, "11665"), published(2023, "HEALTH", 40, "20000")));
    Map<String, Map<String, @Nullable Object>> now =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 20L, new BigDecimal("23000"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 40L, new BigDecimal("20000"), "DEMO", "S")),
            null,
            before);
    assertThat(now.get("C1 2023 EDUCATION"))
        .containsEntry("donors", 20L)
        .containsEntry("withheld", false);
    assertThat(now.get("C1 2023 HEALTH")).containsEntry("withheld", false);
  }

  @Test
  void everyEarlierReleaseCountsNotOnlyTheCurrentOne() {
    // Release 1 published 20/30,000; release 2 withheld the cell; release 3 must not publish
    // 21/35,000 (a gift of 5,000 against release 1).
    List<Map<String, @Nullable Object>> current = List.of(withheld(2022, "ELDERLY"));
    List<Map<String, @Nullable Object>> all =
        List.of(published(2022, "ELDERLY", 20, "30000"), withheld(2022, "ELDERLY"));
    PublishedTables before =
        new PublishedTables() {
          @Override
          public List<Map<String, @Nullable Object>> rows(String table) {
            return current;
          }

          @Override
          public List<Map<String, @Nullable Object>> everPublished(String table) {
            return all;
          }
        };
    assertThat(
            publish(
                    typed(row("C1", 2022L, "ELDERLY", 21L, new BigDecimal("35000"), "DEMO", "S")),
                    null,
                    before)
                .get("C1 2022 ELDERLY"))
        .containsEntry("withheld", true);
  }

  @Test
  void aRecordedCellIsComparedWithWhatEarlierReleasesPublished() {
    PublishedTables before = history(List.of(published(2024, "ELDERLY", 12, "12000")));
    List<List<@Nullable Object>> records = new ArrayList<>();
    for (int donor = 1; donor <= 12; donor++) {
      records.add(gift(donor, "D" + donor, 1000));
    }
    records.add(gift(13, "D13", 3000)); // 3,000 is 20 % of the cell: not dominant, but one gift
    assertThat(publish(null, records(records), before).get("C1 2024 ELDERLY"))
        .containsEntry("withheld", true);
    for (int donor = 14; donor <= 22; donor++) {
      records.add(gift(donor, "D" + donor, 100));
    }
    assertThat(publish(null, records(records), before).get("C1 2024 ELDERLY"))
        .containsEntry("donors", 22L)
        .containsEntry("withheld", false);
  }

  @Test
  void aWithheldCellWhoseFiguresArePublicAlreadyNeedsNoPartnerAndAKnownCellIsNoPartner() {
    PublishedTables before =
        history(
            List.of(
                published(2023, "EDUCATION", 10, "11665"),
                published(2023, "HEALTH", 40, "20000"),
                published(2023, "ELDERLY", 30, "9000")));
    // EDUCATION is withheld by the new count rule yet its figures were published: nothing to hide.
    Map<String, Map<String, @Nullable Object>> unchanged =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 10L, new BigDecimal("11665"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 40L, new BigDecimal("20000"), "DEMO", "S"),
                row("C1", 2023L, "ELDERLY", 30L, new BigDecimal("9000"), "DEMO", "S")),
            null,
            before);
    assertThat(unchanged.values())
        .allSatisfy(cell -> assertThat(cell).containsEntry("withheld", false));
    // EDUCATION changes by one donor: the year's other cells are public already, so withholding one
    // of them would hide nothing; the new, larger HEALTH figure is the partner.
    Map<String, Map<String, @Nullable Object>> changed =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 11L, new BigDecimal("100553"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 60L, new BigDecimal("40000"), "DEMO", "S"),
                row("C1", 2023L, "ELDERLY", 30L, new BigDecimal("9000"), "DEMO", "S")),
            null,
            before);
    assertThat(changed.get("C1 2023 EDUCATION")).containsEntry("withheld", true);
    assertThat(changed.get("C1 2023 HEALTH")).containsEntry("withheld", true);
    assertThat(changed.get("C1 2023 ELDERLY")).containsEntry("withheld", false);
  }

  @Test
  void aPartnerWithheldBeforeStaysThePartner() {
    // Release 1 withheld HEALTH as EDUCATION's partner; a smaller new cell does not take its place,
    // which would publish HEALTH and with it, through the accounts, EDUCATION of release 1.
    PublishedTables before =
        history(
            List.of(
                withheld(2023, "EDUCATION"),
                withheld(2023, "HEALTH"),
                published(2023, "ELDERLY", 80, "90000")));
    Map<String, Map<String, @Nullable Object>> now =
        publish(
            typed(
                row("C1", 2023L, "EDUCATION", 3L, new BigDecimal("900"), "DEMO", "S"),
                row("C1", 2023L, "HEALTH", 12L, new BigDecimal("5100"), "DEMO", "S"),
                row("C1", 2023L, "ELDERLY", 80L, new BigDecimal("90000"), "DEMO", "S"),
                row("C1", 2023L, "POVERTY", 10L, new BigDecimal("1000"), "DEMO", "S")),
            null,
            before);
    assertThat(now.get("C1 2023 HEALTH")).containsEntry("withheld", true);
    assertThat(now.get("C1 2023 POVERTY")).containsEntry("withheld", false);
    assertThat(now.get("C1 2023 ELDERLY")).containsEntry("withheld", false);
  }

  private static PublishedTables history(List<Map<String, @Nullable Object>> rows) {
    return table -> table.equals("charity_donations") ? rows : List.of();
  }

  /** A row of the public table as JDBC reads it back. */
  private static Map<String, @Nullable Object> published(
      int year, String field, int donors, String total) {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("charity", "C1");
    row.put("year", year);
    row.put("field", field);
    row.put("donors", donors);
    row.put("total", new BigDecimal(total));
    row.put("withheld", false);
    row.put("provenance", "DEMO");
    row.put("source", "S");
    return row;
  }

  private static Map<String, @Nullable Object> withheld(int year, String field) {
    Map<String, @Nullable Object> row = published(year, field, 0, "0");
    row.put("donors", null);
    row.put("total", null);
    row.put("withheld", true);
    return row;
  }

  private static Map<String, Map<String, @Nullable Object>> publish(
      @Nullable Table typed, @Nullable Table records) {
    return publish(typed, records, PublishedTables.NONE);
  }

  private static Map<String, Map<String, @Nullable Object>> publish(
      @Nullable Table typed, @Nullable Table records, PublishedTables before) {
    List<Table> tables = new ArrayList<>();
    if (typed != null) {
      tables.add(typed);
    }
    if (records != null) {
      tables.add(records);
    }
    Table published = new DonationTables().derive(new ReleaseTables(tables, before)).get(0);
    Map<String, Map<String, @Nullable Object>> byCell = new HashMap<>();
    for (Row row : published.rows()) {
      Map<String, @Nullable Object> values = new HashMap<>();
      published.schema().fieldNames().forEach(f -> values.put(f, published.value(row, f)));
      byCell.put(
          values.get("charity") + " " + values.get("year") + " " + values.get("field"), values);
    }
    return byCell;
  }

  @SafeVarargs
  private static Table typed(List<@Nullable Object>... rows) {
    return table("charity_donations", TYPED, List.of(rows));
  }

  private static Table records(List<List<@Nullable Object>> rows) {
    return table("charity_donation_records", RECORDS, rows);
  }

  private static List<@Nullable Object> gift(int id, String donor, int amount) {
    return row(
        "R" + id,
        "C1",
        LocalDate.of(2024, 5, 1),
        donor,
        BigDecimal.valueOf(amount),
        "ELDERLY",
        "DEMO",
        "S");
  }
}
