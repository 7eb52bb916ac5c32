package cn.qingtian.portal.charity;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.Temporal;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Reads the charity registry of one release. */
@Repository
class CharityRepository {

  private final DatabaseClient database;

  CharityRepository(DatabaseClient database) {
    this.database = database;
  }

  Flux<Charity> charities(int release) {
    return database
        .sql("select * from charities c where " + Temporal.inRelease("c") + " order by c.code")
        .bind("release", release)
        .map(CharityRepository::charity)
        .all();
  }

  Flux<CharityFinance> finances(int release, Collection<String> charities) {
    return database
        .sql(
            "select * from charity_finances f where "
                + Temporal.inRelease("f")
                + " and f.charity = any(:codes) order by f.charity, f.year")
        .bind("release", release)
        .bind("codes", charities.toArray(String[]::new))
        .map(
            row ->
                new CharityFinance(
                    row.get("charity", String.class),
                    row.get("year", Integer.class),
                    decimal(row, "donation_income"),
                    decimal(row, "programme_spending"),
                    decimal(row, "admin_cost"),
                    row.get("beneficiaries", Integer.class),
                    Provenance.valueOf(row.get("provenance", String.class)),
                    row.get("source", String.class)))
        .all();
  }

  /**
   * Donation aggregates as the disclosure gate published them ({@link DonationTables}): a withheld
   * cell has no figures in the table at all.
   */
  Flux<DonationAggregate> donations(int release, Collection<String> charities) {
    return database
        .sql(
            "select * from charity_donations d where "
                + Temporal.inRelease("d")
                + " and d.charity = any(:codes) order by d.charity, d.year, d.field")
        .bind("release", release)
        .bind("codes", charities.toArray(String[]::new))
        .map(
            row ->
                new DonationAggregate(
                    row.get("charity", String.class),
                    row.get("year", Integer.class),
                    row.get("field", String.class),
                    row.get("donors", Integer.class),
                    decimal(row, "total"),
                    Boolean.TRUE.equals(row.get("withheld", Boolean.class)),
                    Provenance.valueOf(row.get("provenance", String.class)),
                    row.get("source", String.class)))
        .all();
  }

  /** Grants made or received by these charities, or every grant of the release when null. */
  Flux<CharityGrant> grants(int release, @Nullable Collection<String> charities) {
    String which =
        charities == null
            ? ""
            : " and (g.funder = any(:codes) or g.recipient_charity = any(:codes))";
    var spec =
        database
            .sql(
                "select * from charity_grants g where "
                    + Temporal.inRelease("g")
                    + which
                    + " order by g.award_date, g.id")
            .bind("release", release);
    if (charities != null) {
      spec = spec.bind("codes", charities.toArray(String[]::new));
    }
    return spec.map(CharityRepository::grant).all();
  }

  private static CharityGrant grant(Readable row) {
    return new CharityGrant(
        row.get("id", String.class),
        row.get("funder", String.class),
        row.get("recipient_id", String.class),
        LocalizedText.of(
            row.get("recipient_name_zh", String.class), row.get("recipient_name_en", String.class)),
        row.get("recipient_charity", String.class),
        LocalizedText.of(row.get("title_zh", String.class), row.get("title_en", String.class)),
        LocalizedText.of(
            row.get("description_zh", String.class), row.get("description_en", String.class)),
        row.get("amount", BigDecimal.class).doubleValue(),
        row.get("currency", String.class),
        date(row, "award_date"),
        row.get("field", String.class),
        Provenance.valueOf(row.get("provenance", String.class)),
        row.get("source", String.class));
  }

  private static Charity charity(Readable row) {
    String fields = row.get("fields", String.class);
    String noteZh = row.get("note_zh", String.class);
    return new Charity(
        row.get("code", String.class),
        row.get("credit_code", String.class),
        LocalizedText.of(row.get("name_zh", String.class), row.get("name_en", String.class)),
        row.get("registration_authority", String.class),
        date(row, "registered"),
        date(row, "recognized"),
        row.get("public_fundraising", Boolean.class),
        row.get("tax_deductible", Boolean.class),
        fields == null ? List.of() : Arrays.asList(fields.split("\\|")),
        row.get("overseas_chinese", Boolean.class),
        row.get("website", String.class),
        row.get("address", String.class),
        row.get("status", String.class),
        date(row, "deregistered"),
        Provenance.valueOf(row.get("provenance", String.class)),
        row.get("source", String.class),
        noteZh == null ? null : LocalizedText.of(noteZh, row.get("note_en", String.class)));
  }

  private static @Nullable Double decimal(Readable row, String column) {
    BigDecimal value = row.get(column, BigDecimal.class);
    return value == null ? null : value.doubleValue();
  }

  private static @Nullable String date(Readable row, String column) {
    LocalDate value = row.get(column, LocalDate.class);
    return value == null ? null : value.toString();
  }
}
