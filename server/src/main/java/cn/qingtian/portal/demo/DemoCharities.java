package cn.qingtian.portal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Nine synthetic charity organizations, recognized between 2019 and 2025 (one deregistered at the
 * end of 2024), with yearly finances, donations from individuals per field and grants between
 * organizations whose figures agree with each other: enough to show the registry, its filters and
 * the computed count of charity organizations. Every name says 演示 and every row is DEMO.
 */
record DemoCharities(
    List<List<String>> organizations,
    List<List<String>> finances,
    List<List<String>> donations,
    List<List<String>> grants) {

  /** The prefix of the portal's 360Giving identifiers for grants and unregistered recipients. */
  static final String PREFIX = "360G-qtportal-";

  static final List<String> HEADER =
      List.of(
          "code",
          "credit_code",
          "name_zh",
          "name_en",
          "registration_authority",
          "registered",
          "recognized",
          "public_fundraising",
          "tax_deductible",
          "fields",
          "overseas_chinese",
          "website",
          "address",
          "status",
          "deregistered",
          "provenance",
          "source",
          "note_zh",
          "note_en");
  static final List<String> DONATION_HEADER =
      List.of("charity", "year", "field", "donors", "total", "provenance", "source");
  static final List<String> GRANT_HEADER =
      List.of(
          "id",
          "funder",
          "recipient_id",
          "recipient_name_zh",
          "recipient_name_en",
          "recipient_charity",
          "title_zh",
          "title_en",
          "description_zh",
          "description_en",
          "amount",
          "currency",
          "award_date",
          "field",
          "provenance",
          "source");
  static final List<String> FINANCE_HEADER =
      List.of(
          "charity",
          "year",
          "donation_income",
          "programme_spending",
          "admin_cost",
          "beneficiaries",
          "provenance",
          "source");

  private static final String[][] ORGANIZATIONS = {
    {
      "侨乡助学基金会",
      "Overseas Chinese Hometown Education Foundation",
      "EDUCATION|OVERSEAS_CHINESE",
      "2019-06-01",
      ""
    },
    {"颐养关爱服务中心", "Elderly Care Service Centre", "ELDERLY", "2020-03-15", ""},
    {"阳光助残协会", "Sunshine Disability Support Association", "DISABILITY", "2021-05-20", ""},
    {
      "华侨慈善促进会",
      "Overseas Chinese Charity Promotion Society",
      "OVERSEAS_CHINESE|POVERTY",
      "2021-11-02",
      ""
    },
    {"护苗救孤基金", "Orphan Relief Fund", "ORPHANS|EDUCATION", "2022-08-18", ""},
    {"山区医疗援助会", "Mountain Area Medical Aid Society", "HEALTH", "2023-04-10", ""},
    {
      "社区互助发展中心",
      "Community Mutual Aid Development Centre",
      "COMMUNITY|ELDERLY",
      "2024-01-05",
      "2024-12-31"
    },
    {"应急救灾志愿联合会", "Emergency Relief Volunteer Federation", "DISASTER", "2024-09-30", ""},
    {
      "乡村振兴公益基金会",
      "Rural Revitalization Public Welfare Foundation",
      "POVERTY|COMMUNITY",
      "2025-06-01",
      ""
    }
  };

  /** Organizations outside the registry that receive grants: always organizations, never people. */
  private static final String[][] OTHER_RECIPIENTS = {
    {
      "ORG_ELDERLY_STATION",
      "青田县（演示）乡镇居家养老服务站",
      "Qingtian (DEMO) township home-care station",
      "ELDERLY"
    },
    {"ORG_SCHOOL", "青田县（演示）山区小学", "Qingtian (DEMO) mountain primary school", "EDUCATION"},
    {"ORG_CLINIC", "青田县（演示）村卫生室", "Qingtian (DEMO) village clinic", "HEALTH"}
  };

  /** The last year with accounts: the demo's registry closes its books at the end of 2024. */
  private static final int LAST_YEAR = 2024;

  /** The first year of grants between organizations. */
  private static final int FIRST_GRANT_YEAR = 2022;

  /** What one organization received and gave in one year; its finances are built from it. */
  private static final class Accounts {
    long individuals;
    long companies;
    long grantsReceived;
    long grantsGiven;
    double programmeShare;
    double adminShare;
    int beneficiaries;

    /** Gifts it raised itself, from people and companies: what its grants are paid from. */
    long ownGifts() {
      return individuals + companies;
    }

    /** 捐赠收入: gifts from people and from organizations, other charities' grants included. */
    long donationIncome() {
      return individuals + companies + grantsReceived;
    }
  }

  /**
   * The demo registry with accounts that add up (tested by {@code DemoPackageConsistencyTest}): a
   * year's donations from individuals and the grants received from other charities are part of its
   * donation income; grants given are part of its programme spending; spending never exceeds the
   * year's income; nothing happens outside the years an organization is registered.
   */
  static DemoCharities generate(long seed, String source) {
    SplittableRandom random = new SplittableRandom(seed ^ 0xC4A817L);
    List<List<String>> organizations = new ArrayList<>();
    List<List<String>> donations = new ArrayList<>();
    Map<String, Accounts> accounts = new LinkedHashMap<>();
    for (int i = 0; i < ORGANIZATIONS.length; i++) {
      String[] o = ORGANIZATIONS[i];
      String code = code(i);
      boolean deregistered = !o[4].isEmpty();
      String registered = (Integer.parseInt(o[3].substring(0, 4)) - 1) + o[3].substring(4);
      organizations.add(
          List.of(
              code,
              "",
              "青田县（演示）" + o[0],
              "Qingtian (DEMO) " + o[1],
              "青田县民政局（演示）",
              registered,
              o[3],
              Boolean.toString(i % 3 == 0),
              Boolean.toString(i % 2 == 0),
              o[2],
              Boolean.toString(o[2].contains("OVERSEAS_CHINESE")),
              "",
              "",
              deregistered ? "DEREGISTERED" : "ACTIVE",
              o[4],
              "DEMO",
              source,
              "演示数据：合成，非真实机构",
              "DEMO: synthetic, not a real organization"));
      for (int year = Math.max(2021, recognizedYear(i)); year <= LAST_YEAR; year++) {
        Accounts books = new Accounts();
        // The draws come in the order of earlier versions, so the donations stay as they were.
        books.companies = 50_000 + random.nextInt(2_000_000) / 4;
        books.programmeShare = 0.55 + random.nextDouble() * 0.3;
        books.adminShare = 0.04 + random.nextDouble() * 0.05;
        books.beneficiaries = 50 + random.nextInt(2_000);
        // Individual donors, aggregated per field; some aggregates are small on purpose, to show
        // that those of fewer than 10 donors are never published.
        for (String field : o[2].split("\\|")) {
          int donors = random.nextInt(4) == 0 ? 2 + random.nextInt(7) : 10 + random.nextInt(400);
          long total = donors * (100L + random.nextInt(5_000));
          books.individuals += total;
          donations.add(
              List.of(
                  code,
                  Integer.toString(year),
                  field,
                  Integer.toString(donors),
                  Long.toString(total),
                  "DEMO",
                  source));
        }
        accounts.put(key(code, year), books);
      }
    }
    List<List<String>> grants = grants(random, source, accounts);
    return new DemoCharities(organizations, finances(source, accounts), donations, grants);
  }

  /** Each organization's yearly finances, from what it received and gave that year. */
  private static List<List<String>> finances(String source, Map<String, Accounts> accounts) {
    List<List<String>> finances = new ArrayList<>();
    for (Map.Entry<String, Accounts> entry : accounts.entrySet()) {
      Accounts a = entry.getValue();
      long income = a.donationIncome();
      // Grants given are paid from programme spending; the rest of it serves people directly.
      // Grants are at most 40 % of the year's own gifts, so spending stays below income.
      long programmes = a.grantsGiven + Math.round((income - a.grantsGiven) * a.programmeShare);
      long admin = Math.round(programmes * a.adminShare);
      String[] charityYear = entry.getKey().split("\\|");
      finances.add(
          List.of(
              charityYear[0],
              charityYear[1],
              Long.toString(income),
              Long.toString(programmes),
              Long.toString(admin),
              Integer.toString(a.beneficiaries),
              "DEMO",
              source));
    }
    return finances;
  }

  /**
   * Grants made by the organizations with public fundraising, to other organizations only; each is
   * at most a fifth of what the funder raised itself that year, and a grant to an organization of
   * the registry counts in the recipient's donation income.
   */
  private static List<List<String>> grants(
      SplittableRandom random, String source, Map<String, Accounts> accounts) {
    List<List<String>> grants = new ArrayList<>();
    int[] funders = {0, 3};
    for (int year = FIRST_GRANT_YEAR; year <= LAST_YEAR; year++) {
      for (int f : funders) {
        Accounts funder = accounts.get(key(code(f), year));
        for (int n = 0; n < 2; n++) {
          int r = random.nextInt(ORGANIZATIONS.length + OTHER_RECIPIENTS.length);
          boolean registered = r < ORGANIZATIONS.length && r != f && recognizedYear(r) <= year;
          String recipientCharity = registered ? code(r) : "";
          String[] other = OTHER_RECIPIENTS[r % OTHER_RECIPIENTS.length];
          String nameZh = registered ? "青田县（演示）" + ORGANIZATIONS[r][0] : other[1];
          String nameEn = registered ? "Qingtian (DEMO) " + ORGANIZATIONS[r][1] : other[2];
          String field = registered ? ORGANIZATIONS[r][2].split("\\|")[0] : other[3];
          long cap = Math.max(10_000L, funder.ownGifts() / 5 / 10_000 * 10_000);
          long amount = Math.min(cap, 10_000L * (2 + random.nextInt(30)));
          funder.grantsGiven += amount;
          if (registered) {
            accounts.get(key(recipientCharity, year)).grantsReceived += amount;
          }
          grants.add(
              List.of(
                  PREFIX + "DEMO-GRANT-%d-%02d-%d".formatted(year, f + 1, n + 1),
                  code(f),
                  PREFIX + "org-" + (registered ? recipientCharity : other[0]),
                  nameZh,
                  nameEn,
                  recipientCharity,
                  "（演示）%d年资助：%s".formatted(year, nameZh),
                  "(DEMO) %d grant to %s".formatted(year, nameEn),
                  "演示数据：合成的机构间资助记录，非真实资助。",
                  "DEMO: a synthetic grant between organizations, not a real one.",
                  Long.toString(amount),
                  "CNY",
                  "%d-%02d-15".formatted(year, 3 + random.nextInt(9)),
                  field,
                  "DEMO",
                  source));
        }
      }
    }
    return grants;
  }

  private static String code(int organization) {
    return "DEMO_CHARITY_%02d".formatted(organization + 1);
  }

  private static int recognizedYear(int organization) {
    return Integer.parseInt(ORGANIZATIONS[organization][3].substring(0, 4));
  }

  private static String key(String charity, int year) {
    return charity + "|" + year;
  }
}
