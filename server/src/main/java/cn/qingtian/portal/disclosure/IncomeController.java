package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.Release;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code incomeDistribution} and {@code disclosureReport} queries: protected tables only. */
@Controller
class IncomeController {

  private final IncomeRepository repository;

  IncomeController(IncomeRepository repository) {
    this.repository = repository;
  }

  /** A protected table, as the API serves it. */
  record Distribution(
      int year,
      String table,
      List<BracketRange> brackets,
      List<IncomeCell> cells,
      @Nullable Provenance provenance,
      String method) {}

  record BracketRange(String code, double from, @Nullable Double below) {}

  record Report(int release, String rules, List<DisclosureReport> tables) {

    /**
     * The privacy budget the release spent (0 under disclosure control, and 0 when every cell's
     * noise was reused).
     */
    public double epsilonSpent() {
      return tables.stream().mapToDouble(DisclosureReport::epsilon).sum();
    }

    /** The privacy budget spent over all releases up to this one: the ledger's total. */
    public double epsilonSpentToDate() {
      return tables.stream().mapToDouble(DisclosureReport::epsilonToDate).sum();
    }
  }

  @QueryMapping
  Mono<Distribution> incomeDistribution(
      @Argument int year,
      @Argument String table,
      @Argument @Nullable String geography,
      @ContextValue Release release) {
    checkYear(year);
    if (geography != null && !geography.matches("T[0-9]{2}|URBAN|RURAL|_T")) {
      throw new InvalidInputException(
          "geography 应为 T01–T32、URBAN、RURAL 或 _T / geography is T01–T32, URBAN, RURAL or _T");
    }
    return repository
        .cells(release.number(), year, table)
        .filter(c -> geography == null || c.row().equals(geography))
        .sort(ORDER)
        .collectList()
        .map(
            cells ->
                new Distribution(
                    year,
                    table,
                    BRACKETS,
                    cells,
                    cells.isEmpty() ? null : cells.get(0).provenance(),
                    DisclosureTables.RULES));
  }

  @QueryMapping
  Mono<List<IncomeStatistic>> incomeStatistics(@Argument int year, @ContextValue Release release) {
    checkYear(year);
    return repository.statistics(release.number(), year).collectList();
  }

  @QueryMapping
  Mono<Report> disclosureReport(
      @Argument @Nullable Integer release,
      @ContextValue(name = Release.CONTEXT_KEY) Release current) {
    int number = release == null ? current.number() : release;
    if (number < 1 || number > current.number()) {
      throw new InvalidInputException(
          "release 应在 1–"
              + current.number()
              + " 之间 / release is between 1 and "
              + current.number());
    }
    return repository
        .reports(number)
        .collectList()
        .map(
            tables ->
                new Report(
                    number,
                    tables.isEmpty() ? DisclosureTables.RULES : tables.get(0).rules(),
                    tables));
  }

  /** Rows in table order with the total last; brackets from low to high with the total last. */
  private static final java.util.Comparator<IncomeCell> ORDER =
      java.util.Comparator.comparing((IncomeCell c) -> c.row().equals("_T"))
          .thenComparing(IncomeCell::row)
          .thenComparingInt(
              c ->
                  c.column().equals("_T")
                      ? Integer.MAX_VALUE
                      : IncomeBracket.valueOf(c.column()).ordinal());

  private static void checkYear(int year) {
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("year 应在 2000–2100 之间 / year is between 2000 and 2100");
    }
  }

  private static final List<BracketRange> BRACKETS =
      Arrays.stream(IncomeBracket.values())
          .map(
              b ->
                  new BracketRange(
                      b.name(),
                      b.from(),
                      b == IncomeBracket.FROM_60
                          ? null
                          : (double) IncomeBracket.values()[b.ordinal() + 1].from()))
          .toList();
}
