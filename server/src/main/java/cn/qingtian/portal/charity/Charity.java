package cn.qingtian.portal.charity;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A charity organization of the registry, with its provenance and source (decision D6). */
public record Charity(
    String code,
    @Nullable String creditCode,
    LocalizedText nameText,
    @Nullable String registrationAuthority,
    @Nullable String registered,
    @Nullable String recognized,
    @Nullable Boolean publicFundraising,
    @Nullable Boolean taxDeductible,
    List<String> fields,
    @Nullable Boolean overseasChinese,
    @Nullable String website,
    @Nullable String address,
    String status,
    @Nullable String deregistered,
    Provenance provenance,
    String sourceCode,
    @Nullable LocalizedText noteText) {

  public String id() {
    return GlobalId.of("Charity", code);
  }

  /**
   * Counted at the end of a year: recognized by then and not deregistered by then (dates as {@code
   * yyyy-MM-dd}).
   */
  static boolean countsAtEndOf(
      @Nullable String recognized, @Nullable String deregistered, int year) {
    String yearEnd = year + "-12-31";
    return recognized != null
        && recognized.compareTo(yearEnd) <= 0
        && (deregistered == null || deregistered.compareTo(yearEnd) > 0);
  }
}
