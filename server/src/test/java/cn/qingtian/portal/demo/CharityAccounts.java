package cn.qingtian.portal.demo;

import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.ValidatedPackage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The accounting identities the charity tables of a package imply (registry, yearly finances,
 * donations from individuals per field, grants between organizations), checked row by row.
 */
final class CharityAccounts {

  /** One identity, with what it says. */
  enum Identity {
    DONATIONS_WITHIN_INCOME(
        "a year's donations from individuals, all fields together, never exceed its donation income"),
    GIFTS_WITHIN_INCOME(
        "donations from individuals plus grants received from charities of the registry never"
            + " exceed the year's donation income (it counts gifts from organizations too)"),
    GRANTS_WITHIN_PROGRAMMES(
        "grants an organization gives in a year never exceed its programme spending that year"),
    ACCOUNTS_FOR_EVERY_ACTIVITY(
        "a year with donations, grants given or grants received has that year's finances"),
    ONLY_WHILE_REGISTERED(
        "finances, donations and grants fall between registration and deregistration, for the"
            + " funder and for a recipient of the registry"),
    DONORS_MATCH_TOTALS(
        "an aggregate has donors exactly when it has a total, at least 1 yuan each"),
    SPENDING_COVERED(
        "programme spending and administrative cost, year after year, never exceed the donation"
            + " income received so far (the tables hold no other income)");

    final String rule;

    Identity(String rule) {
      this.rule = rule;
    }
  }

  /** An identity that does not hold, and where. */
  record Violation(Identity identity, String where) {
    @Override
    public String toString() {
      return identity + " " + where + ": " + identity.rule;
    }
  }

  /** How many cases each identity was checked on, and the violations found. */
  record Report(Map<Identity, Integer> checked, List<Violation> violations) {}

  private record Registration(@Nullable LocalDate registered, @Nullable LocalDate deregistered) {

    boolean covers(LocalDate date) {
      return (registered == null || !date.isBefore(registered))
          && (deregistered == null || !date.isAfter(deregistered));
    }

    boolean coversYear(int year) {
      return (registered == null || registered.getYear() <= year)
          && (deregistered == null || year <= deregistered.getYear());
    }
  }

  private record Finance(
      @Nullable BigDecimal income, @Nullable BigDecimal programmes, @Nullable BigDecimal admin) {}

  private final Map<Identity, Integer> checked = new EnumMap<>(Identity.class);
  private final List<Violation> violations = new ArrayList<>();

  private CharityAccounts() {
    for (Identity identity : Identity.values()) {
      checked.put(identity, 0);
    }
  }

  static Report check(ValidatedPackage data) {
    CharityAccounts accounts = new CharityAccounts();
    accounts.run(data);
    return new Report(accounts.checked, accounts.violations);
  }

  private void run(ValidatedPackage data) {
    Map<String, Registration> registry = new HashMap<>();
    Table charities = table(data, "charities");
    for (Row row : charities.rows()) {
      registry.put(
          text(charities, row, "code"),
          new Registration(
              (LocalDate) value(charities, row, "registered"),
              (LocalDate) value(charities, row, "deregistered")));
    }
    // Keyed "charity|year", sorted so each organization's years run in order.
    Map<String, Finance> finances = new TreeMap<>();
    Table finance = table(data, "charity_finances");
    for (Row row : finance.rows()) {
      String key = key(text(finance, row, "charity"), year(finance, row));
      finances.put(
          key,
          new Finance(
              amount(finance, row, "donation_income"),
              amount(finance, row, "programme_spending"),
              amount(finance, row, "admin_cost")));
      check(
          Identity.ONLY_WHILE_REGISTERED,
          registry.get(text(finance, row, "charity")).coversYear(year(finance, row)),
          "finances " + key);
    }
    Map<String, BigDecimal> individuals = new TreeMap<>();
    Table donations = table(data, "charity_donations");
    for (Row row : donations.rows()) {
      String key = key(text(donations, row, "charity"), year(donations, row));
      BigDecimal total = amount(donations, row, "total");
      long donors = (Long) value(donations, row, "donors");
      individuals.merge(key, total, BigDecimal::add);
      check(
          Identity.DONORS_MATCH_TOTALS,
          (donors == 0) == (total.signum() == 0)
              && total.compareTo(BigDecimal.valueOf(donors)) >= 0,
          "donations " + key + " " + text(donations, row, "field"));
      check(
          Identity.ONLY_WHILE_REGISTERED,
          registry.get(text(donations, row, "charity")).coversYear(year(donations, row)),
          "donations " + key);
    }
    Map<String, BigDecimal> given = new TreeMap<>();
    Map<String, BigDecimal> received = new TreeMap<>();
    Table grants = table(data, "charity_grants");
    for (Row row : grants.rows()) {
      LocalDate date = (LocalDate) value(grants, row, "award_date");
      String funder = text(grants, row, "funder");
      String recipient = text(grants, row, "recipient_charity");
      BigDecimal amount = amount(grants, row, "amount");
      given.merge(key(funder, date.getYear()), amount, BigDecimal::add);
      boolean registered = registry.get(funder).covers(date);
      if (recipient != null) {
        received.merge(key(recipient, date.getYear()), amount, BigDecimal::add);
        registered &= registry.get(recipient).covers(date);
      }
      check(Identity.ONLY_WHILE_REGISTERED, registered, "grant " + text(grants, row, "id"));
    }
    Set<String> active = new HashSet<>(individuals.keySet());
    active.addAll(given.keySet());
    active.addAll(received.keySet());
    for (String key : active) {
      check(Identity.ACCOUNTS_FOR_EVERY_ACTIVITY, finances.containsKey(key), key);
    }
    for (Map.Entry<String, Finance> entry : finances.entrySet()) {
      String key = entry.getKey();
      BigDecimal income = entry.getValue().income();
      if (income == null) {
        continue; // a figure not published cannot be checked
      }
      BigDecimal people = individuals.getOrDefault(key, BigDecimal.ZERO);
      if (individuals.containsKey(key)) {
        check(
            Identity.DONATIONS_WITHIN_INCOME,
            people.compareTo(income) <= 0,
            "%s: %s from individuals, income %s".formatted(key, people, income));
      }
      BigDecimal gifts = people.add(received.getOrDefault(key, BigDecimal.ZERO));
      check(
          Identity.GIFTS_WITHIN_INCOME,
          gifts.compareTo(income) <= 0,
          "%s: %s from individuals and charities, income %s".formatted(key, gifts, income));
      if (given.containsKey(key) && entry.getValue().programmes() != null) {
        check(
            Identity.GRANTS_WITHIN_PROGRAMMES,
            given.get(key).compareTo(entry.getValue().programmes()) <= 0,
            "%s: grants %s, programme spending %s"
                .formatted(key, given.get(key), entry.getValue().programmes()));
      }
    }
    Map<String, BigDecimal> balance = new HashMap<>();
    for (Map.Entry<String, Finance> entry : finances.entrySet()) {
      Finance f = entry.getValue();
      if (f.income() == null || f.programmes() == null || f.admin() == null) {
        continue;
      }
      BigDecimal left =
          balance.merge(
              entry.getKey().split("\\|")[0],
              f.income().subtract(f.programmes()).subtract(f.admin()),
              BigDecimal::add);
      check(Identity.SPENDING_COVERED, left.signum() >= 0, entry.getKey() + ": short by " + left);
    }
  }

  private void check(Identity identity, boolean holds, String where) {
    checked.merge(identity, 1, Integer::sum);
    if (!holds) {
      violations.add(new Violation(identity, where));
    }
  }

  private static Table table(ValidatedPackage data, String name) {
    return data.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static @Nullable Object value(Table table, Row row, String field) {
    return row.get(table.schema().indexOf(field));
  }

  private static @Nullable String text(Table table, Row row, String field) {
    return (String) value(table, row, field);
  }

  private static int year(Table table, Row row) {
    return ((Long) value(table, row, "year")).intValue();
  }

  private static @Nullable BigDecimal amount(Table table, Row row, String field) {
    Object value = value(table, row, field);
    return value == null ? null : new BigDecimal(value.toString());
  }

  private static String key(String charity, int year) {
    return charity + "|" + year;
  }
}
