package cn.qingtian.portal.charity;

import cn.qingtian.portal.charity.DonationTables.Key;
import cn.qingtian.portal.disclosure.DisclosureRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every donor count and total that any release published for a donation cell, and the rule that
 * keeps a new figure from being differenced against them. Each release stays public (API and
 * downloads by version), so subtracting a published figure from a new one of the same cell gives
 * the gifts that changed between them: from one donor it is that donor's gift (10 donors/11,665 →
 * 11 donors/100,553 is a gift of 88,888). The difference is a magnitude like any other and needs at
 * least 10 donors behind it. (Whether one or two of them gave most of it cannot be told from the
 * new release alone: the parts of the earlier release's donors are not in it; see
 * docs/disclosure-control.md.)
 */
final class DonationHistory {

  private final Map<Key, List<Figures>> published;
  private final Set<Key> withheld;

  private DonationHistory(Map<Key, List<Figures>> published, Set<Key> withheld) {
    this.published = published;
    this.withheld = withheld;
  }

  /**
   * The history of the public table from the rows every release published (withheld rows, which
   * carry no figures, add nothing).
   */
  static DonationHistory of(List<Map<String, @Nullable Object>> rows) {
    Map<Key, List<Figures>> published = new HashMap<>();
    Set<Key> withheld = new HashSet<>();
    for (Map<String, @Nullable Object> row : rows) {
      Key key =
          new Key(
              (String) row.get("charity"),
              ((Number) row.get("year")).intValue(),
              (String) row.get("field"));
      Object donors = row.get("donors");
      Object total = row.get("total");
      if (donors == null || total == null || Boolean.TRUE.equals(row.get("withheld"))) {
        withheld.add(key);
        continue;
      }
      published
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Figures(((Number) donors).longValue(), new BigDecimal(total.toString())));
    }
    return new DonationHistory(published, withheld);
  }

  /**
   * Whether some release withheld the cell: a partner is best chosen among these, so the pattern of
   * withheld cells stays stable and an earlier partner is not published to unlock the cell it
   * protected.
   */
  boolean withheldBefore(Key key) {
    return withheld.contains(key);
  }

  /** Whether some release published exactly these figures for the cell. */
  boolean published(Key key, long donors, BigDecimal total) {
    return published.getOrDefault(key, List.of()).stream()
        .anyMatch(f -> f.donors() == donors && f.total().compareTo(total) == 0);
  }

  /**
   * Whether publishing these figures would reveal what changed since a release published the cell:
   * the total moved and fewer than 10 donors can account for the move. The difference in donor
   * counts is the fewest who can; no difference at all is a known donor's further gift or a
   * correction of one gift, so it counts too.
   */
  boolean revealsChange(Key key, long donors, BigDecimal total) {
    return published.getOrDefault(key, List.of()).stream()
        .anyMatch(
            before ->
                total.compareTo(before.total()) != 0
                    && Math.abs(donors - before.donors()) < DisclosureRules.MINIMUM_CONTRIBUTORS);
  }

  /** A published donor count and total. */
  private record Figures(long donors, BigDecimal total) {}
}
