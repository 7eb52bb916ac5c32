package cn.qingtian.portal.surface;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbers a text shows, in one normal form whatever the grouping or trailing zeros. */
final class Numbers {

  // 59,740 or 59740 or 12.5, not part of a longer run of digits, commas or points.
  private static final Pattern NUMBER =
      Pattern.compile("(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?(?![0-9])");

  private Numbers() {}

  /** Every number in a text, normalised. */
  static Set<String> in(String text) {
    Set<String> numbers = new LinkedHashSet<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      numbers.add(normal(new BigDecimal(matcher.group().replace(",", ""))));
    }
    return numbers;
  }

  static String normal(BigDecimal value) {
    BigDecimal stripped = value.abs().stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** A value and the forms a page may round it to (the site shows at most two decimals). */
  static Set<String> shown(BigDecimal value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(normal(value));
    for (int scale = 2; scale >= 1; scale--) {
      if (value.scale() > scale) {
        forms.add(normal(value.setScale(scale, RoundingMode.HALF_EVEN)));
      }
    }
    return forms;
  }

  /**
   * Whether a number says something of its own: at least four significant digits, so a year, a
   * small count, a round sum such as 100,000 or a percentage like 12.5 that many texts share does
   * not count as a match.
   */
  static boolean distinctive(String normal) {
    String digits = normal.replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
    return digits.length() >= 4 && !isYear(normal);
  }

  private static boolean isYear(String normal) {
    return normal.matches("(19|20)[0-9]{2}");
  }
}
