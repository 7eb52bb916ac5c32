package cn.qingtian.portal.indicator;

import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SDMX {@code TIME_PERIOD} (decision D9, docs/decisions/0009-periods-and-places.md): a calendar
 * year ({@code 2024}), a quarter ({@code 2024-Q3}) or a period from a start date ({@code
 * 2024-01-01/P9M}, January–September 2024). Only whole calendar years enter annual rates.
 */
@FeatureInterface
public record Period(String code, int year, boolean annual) {

  private static final Pattern FORMAT =
      Pattern.compile("([0-9]{4})(?:-Q[1-4]|-([0-9]{2})-([0-9]{2})/P([0-9]+)([MD]))?");

  public static Period parse(String code) {
    Matcher matcher = FORMAT.matcher(code);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an SDMX time period: " + code);
    }
    int year = Integer.parseInt(matcher.group(1));
    boolean wholeYear =
        code.length() == 4
            || "01".equals(matcher.group(2))
                && "01".equals(matcher.group(3))
                && "12".equals(matcher.group(4))
                && "M".equals(matcher.group(5));
    return new Period(code, year, wholeYear);
  }
}
