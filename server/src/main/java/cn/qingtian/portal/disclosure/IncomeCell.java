package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A published cell of an income table: a rounded count, or withheld with a reason. */
public record IncomeCell(
    int year,
    String table,
    String row,
    String column,
    @Nullable Integer count,
    @Nullable String reason,
    Provenance provenance) {

  private static final Map<String, LocalizedText> ROW_NAMES = rowNames();

  public boolean suppressed() {
    return count == null;
  }

  /** The row's name: a township, urban or rural, a group of households, or the total. */
  public LocalizedText rowNameText() {
    return rowName(row);
  }

  static LocalizedText rowName(String row) {
    return ROW_NAMES.getOrDefault(row, LocalizedText.of(row, row));
  }

  private static Map<String, LocalizedText> rowNames() {
    Map<String, LocalizedText> names = new HashMap<>();
    // Township names have no official English form here; the Chinese is shown in both languages.
    Township.ALL.forEach(t -> names.put(t.code(), LocalizedText.of(t.nameZh(), null)));
    names.put("_T", LocalizedText.of("合计", "Total"));
    names.put("URBAN", LocalizedText.of("城镇", "Urban"));
    names.put("RURAL", LocalizedText.of("农村", "Rural"));
    names.put("LOW_INCOME_FARM", LocalizedText.of("低收入农户", "Low-income farm households"));
    names.put("DIBAO", LocalizedText.of("低保家庭", "Households receiving dibao"));
    names.put("QIAOJUAN", LocalizedText.of("侨眷家庭", "Families of overseas Chinese"));
    return Map.copyOf(names);
  }
}
