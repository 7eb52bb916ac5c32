package cn.qingtian.portal.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How precisely a number is written in a sentence (decision D27,
 * docs/decisions/0027-early-attainment-and-precision.md): values to the decimals of the latest
 * observation, projections to at most three significant figures and never finer than the
 * observation (a count of 个 or 人次 is never fractional).
 */
final class Precision {

  /** Beyond this, decimals are an artefact of arithmetic, not of the published figure. */
  private static final int MAX_DECIMALS = 6;

  private static final MathContext THREE_FIGURES = new MathContext(3, RoundingMode.HALF_UP);

  private final int decimals;

  private Precision(int decimals) {
    this.decimals = decimals;
  }

  /** The precision of an observed value: as many decimals as it was published with. */
  static Precision of(double observed) {
    int scale = BigDecimal.valueOf(observed).stripTrailingZeros().scale();
    return new Precision(Math.max(0, Math.min(MAX_DECIMALS, scale)));
  }

  int decimals() {
    return decimals;
  }

  /** A value, such as the latest observation or a total of observations, at this precision. */
  String value(double value) {
    return format(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
  }

  /** A quantity still needed, rounded up at this precision: 632.5 人次 a year is 633. */
  String needed(double value) {
    return format(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.CEILING));
  }

  /** A projection: at most three significant figures, never finer than this precision. */
  String projection(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).round(THREE_FIGURES);
    if (rounded.scale() > decimals) {
      rounded = rounded.setScale(decimals, RoundingMode.HALF_UP);
    }
    return format(rounded);
  }

  private static String format(BigDecimal value) {
    DecimalFormat format =
        new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }
}
