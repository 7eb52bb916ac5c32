package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import org.jspecify.annotations.Nullable;

/** A published mean or median household income (rounded), or withheld with a reason. */
public record IncomeStatistic(
    int year,
    String row,
    String statistic,
    @Nullable Long value,
    @Nullable String reason,
    Provenance provenance) {

  public boolean suppressed() {
    return value == null;
  }

  public LocalizedText rowNameText() {
    return IncomeCell.rowName(row);
  }
}
