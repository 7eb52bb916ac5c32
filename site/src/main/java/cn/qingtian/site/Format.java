package cn.qingtian.site;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Number formats that do not depend on the machine's locale, so builds are byte-identical. */
public final class Format {

  private Format() {}

  // DecimalFormat is not thread-safe and costly to build; pages render in parallel.
  private static final ThreadLocal<DecimalFormat> NUMBER =
      ThreadLocal.withInitial(
          () -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

  public static String number(double value) {
    return NUMBER.get().format(value);
  }

  /** A value with its unit: {@code 65%}, {@code 59,740 元}, {@code 59,740 yuan}. */
  public static String withUnit(double value, String unit) {
    return unit.equals("%") || unit.equals("percent")
        ? number(value) + "%"
        : number(value) + " " + unit;
  }

  public static String percent(@Nullable Double fraction) {
    return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static final String[] BYTE_UNITS = {"KB", "MB", "GB", "TB"};

  /**
   * A file size for people, in binary units with one decimal: {@code 512 B}, {@code 42.8 KB},
   * {@code 1.5 MB}.
   */
  public static String bytes(double size) {
    if (size < 1024) {
      return Math.round(size) + " B";
    }
    double value = size / 1024;
    int unit = 0;
    while (Math.round(value * 10) >= 1024 * 10 && unit < BYTE_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
  }

  /**
   * A name as one segment of a relative link: letters, digits and {@code . _ ~ + -} stay as they
   * are (so {@code 1.5.0+demo.1.3.0} is unchanged), anything else is percent-encoded in UTF-8.
   */
  public static String pathSegment(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80
          && (Character.isLetterOrDigit(c)
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '+'
              || c == '-')) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    String segment = out.toString();
    return segment.equals(".") || segment.equals("..") ? segment.replace(".", "%2E") : segment;
  }

  private static final Pattern MONTHS_SINCE_JANUARY =
      Pattern.compile("([0-9]{4})-01-01/P([0-9]+)M");
  private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");

  /** A period for people: 2024, 2024年第3季度, 2025年1–9月 / Q3 2024, January–September 2025. */
  public static String period(String code, String lang) {
    var matcher = MONTHS_SINCE_JANUARY.matcher(code);
    if (matcher.matches()) {
      int months = Integer.parseInt(matcher.group(2));
      return lang.equals("en")
          ? MONTHS[0] + "–" + MONTHS[months - 1] + " " + matcher.group(1)
          : matcher.group(1) + "年1–" + months + "月";
    }
    var quarter = QUARTER.matcher(code);
    if (quarter.matches()) {
      return lang.equals("en")
          ? "Q" + quarter.group(2) + " " + quarter.group(1)
          : quarter.group(1) + "年第" + quarter.group(2) + "季度";
    }
    return code;
  }

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  /** A chart coordinate with one decimal, without the cost of a formatter. */
  static String coordinate(double value) {
    long tenths = Math.round(value * 10);
    String sign = tenths < 0 ? "-" : "";
    long magnitude = Math.abs(tenths);
    return sign + magnitude / 10 + "." + magnitude % 10;
  }
}
