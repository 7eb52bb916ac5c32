package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.Lang;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.plan.Target;
import cn.qingtian.portal.plan.TargetKind;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one-sentence summary of an assessment, written from its figures in Chinese and English and
 * from the release's date, e.g. 「2023年为49,900元，为2025年目标58,000元的86.0%，还需年均增长7.8%；
 * 按目前速度2025年预计为57,800元」. Advice for the years still needed is given only while those years lie
 * ahead of the release; a series that stopped years before the release says so instead (D27 sets
 * the precision of every number, see {@link Precision}).
 */
final class ProgressSummary {

  private ProgressSummary() {}

  /** The label a sentence written from DEMO values starts with (decision D25). */
  static final LocalizedText DEMO_LABEL =
      LocalizedText.of("演示数据（DEMO）：", "DEMO data (synthetic): ");

  /**
   * @param releaseYear the year of the release's own date (package metadata, D4), the "now" the
   *     sentence is written from
   */
  static LocalizedText of(
      Target target, Progress progress, @Nullable Double runningTotal, int releaseYear) {
    return switch (progress.status()) {
      case NOT_ASSESSABLE ->
          LocalizedText.of(
              "无法评估：" + progress.reasonText().zh() + "。",
              "Cannot be assessed: " + progress.reasonText().en() + ".");
      case INSUFFICIENT_DATA ->
          LocalizedText.of(
              "数据不足：" + progress.reasonText().zh() + "。",
              "Insufficient data: " + progress.reasonText().en() + ".");
      default -> judged(target, progress, runningTotal, releaseYear);
    };
  }

  /**
   * Where the latest observation stands against the target year and the release's date.
   *
   * @param advise whether advice for the years still needed may be given: the target year has not
   *     ended when the release is published, and no whole year has passed unobserved since the
   *     latest value (advice from a stale value would cover years already gone)
   * @param stale whether the target year is unobserved and at least one whole year after the latest
   *     value ended before the release without data
   */
  private record Timing(int latestYear, int targetYear, boolean advise, boolean stale) {

    static Timing of(Observation latest, Target target, int releaseYear) {
      boolean current = latest.year() >= releaseYear - 1;
      return new Timing(
          latest.year(),
          target.targetYear(),
          current && target.targetYear() >= releaseYear,
          !current && latest.year() < target.targetYear());
    }
  }

  private static LocalizedText judged(
      Target target, Progress progress, @Nullable Double runningTotal, int releaseYear) {
    Observation latest = progress.latest();
    if (latest == null) {
      return progress.reasonText();
    }
    Timing timing = Timing.of(latest, target, releaseYear);
    Precision precision = Precision.of(latest.value());
    // The observation's unit: a growth target is in %, the values it is judged on are not.
    String unitZh = latest.unit();
    String unitEn =
        target.unitText() != null && target.unitText().zh().equals(unitZh)
            ? target.unitText().text(Lang.EN)
            : UNITS_EN.getOrDefault(unitZh, unitZh);
    String shown = precision.value(latest.value());
    StringBuilder zh = new StringBuilder(latest.year() + "年为" + shown + unitZh);
    StringBuilder en = new StringBuilder(latest.year() + ": " + shown + space(unitEn));
    switch (target.kind()) {
      case CUMULATIVE_COUNT -> {
        double total = runningTotal == null ? latest.value() : runningTotal;
        zh.setLength(0);
        en.setLength(0);
        zh.append("截至")
            .append(latest.year())
            .append("年累计")
            .append(precision.value(total))
            .append(unitZh)
            .append("，完成目标")
            .append(number(target.value()))
            .append(unitZh)
            .append("的")
            .append(percent(total / target.value()));
        en.append("By ")
            .append(latest.year())
            .append(": ")
            .append(precision.value(total))
            .append(space(unitEn))
            .append(" in total, ")
            .append(percent(total / target.value()))
            .append(" of the target of ")
            .append(number(target.value()))
            .append(space(unitEn));
        Double needed = progress.requiredRate();
        if (timing.advise() && needed != null && needed > 0) {
          zh.append("，今后每年还需").append(precision.needed(needed)).append(unitZh);
          en.append("; ")
              .append(precision.needed(needed))
              .append(space(unitEn))
              .append(" a year still needed");
        }
      }
      case GROWTH_RATE -> {
        if (progress.observedRate() != null && progress.baseline() != null) {
          zh.append("，")
              .append(progress.baseline().year())
              .append("–")
              .append(latest.year())
              .append("年年均增长")
              .append(percent(progress.observedRate()))
              .append("，目标为每年")
              .append(number(target.value()))
              .append("%");
          en.append(", average growth ")
              .append(percent(progress.observedRate()))
              .append(" a year since ")
              .append(progress.baseline().year())
              .append(" against a target of ")
              .append(number(target.value()))
              .append("%");
        }
      }
      case DIRECTION, RELATIONAL -> {
        if (progress.observedRate() != null) {
          zh.append("，年均变化").append(percent(progress.observedRate()));
          en.append(", changing ").append(percent(progress.observedRate())).append(" a year");
        }
        if (target.kind() == TargetKind.RELATIONAL && progress.requiredRate() != null) {
          zh.append("，比较指标为").append(percent(progress.requiredRate()));
          en.append(" against ")
              .append(percent(progress.requiredRate()))
              .append(" for the related indicator");
        }
      }
      case DYNAMIC_ZERO -> {
        zh.append("，目标为动态清零");
        en.append(", against a target of zero");
      }
      case ANNUAL_COUNT -> {
        zh.append("，每年目标为").append(number(target.value())).append(unitZh).append("以上");
        en.append(", against ")
            .append(number(target.value()))
            .append(space(unitEn))
            .append(" or more every year");
      }
      case MILESTONE -> {
        zh.setLength(0);
        en.setLength(0);
        zh.append(progress.reasonText().zh());
        en.append(capitalized(progress.reasonText().en()));
      }
      case LEVEL, SHARE, FULL_COVERAGE, CEILING, FLOOR ->
          levelSentence(target, progress, latest, timing, precision, unitZh, unitEn, zh, en);
    }
    if (progress.status() == ProgressStatus.ACHIEVED_AHEAD) {
      zh.append("，已提前达到目标，待").append(target.targetYear()).append("年数据确认");
      en.append("; the target is already met, provisionally until ")
          .append(target.targetYear())
          .append(" is observed");
    }
    if (timing.stale() && progress.status() != ProgressStatus.TARGET_ACHIEVED) {
      zh.append("；最新数据为").append(latest.year()).append("年，此后无数据");
      en.append("; latest data ").append(latest.year()).append(", no data since");
    }
    zh.append("。");
    en.append(".");
    return LocalizedText.of(zh.toString(), en.toString());
  }

  private static void levelSentence(
      Target target,
      Progress progress,
      Observation latest,
      Timing timing,
      Precision precision,
      String unitZh,
      String unitEn,
      StringBuilder zh,
      StringBuilder en) {
    if (target.value() == null) {
      return;
    }
    if (target.higherIsBetter() && target.value() > 0) {
      String share = percent(latest.value() / target.value());
      zh.append("，为")
          .append(target.targetYear())
          .append("年目标")
          .append(number(target.value()))
          .append(unitZh)
          .append("的")
          .append(share);
      en.append(", ")
          .append(share)
          .append(" of the ")
          .append(target.targetYear())
          .append(" target of ")
          .append(number(target.value()))
          .append(space(unitEn));
    } else {
      zh.append("，")
          .append(target.targetYear())
          .append("年目标为不超过")
          .append(number(target.value()))
          .append(unitZh);
      en.append(", against a ")
          .append(target.targetYear())
          .append(" ceiling of ")
          .append(number(target.value()))
          .append(space(unitEn));
    }
    boolean finalYear = latest.year() >= target.targetYear();
    boolean met = ProgressCalculator.meets(target, latest.value());
    if (finalYear || met) {
      return;
    }
    Double required = progress.requiredRate();
    Double projected = progress.projectedValue();
    if (timing.advise() && required != null) {
      boolean rise = required >= 0;
      zh.append("，还需年均").append(rise ? "增长" : "下降").append(percent(Math.abs(required)));
      en.append("; it needs to ")
          .append(rise ? "grow " : "fall ")
          .append(percent(Math.abs(required)))
          .append(" a year");
    }
    if (projected == null) {
      return;
    }
    String value = precision.projection(projected);
    if (timing.advise()) {
      zh.append("；按目前速度").append(target.targetYear()).append("年预计为").append(value).append(unitZh);
      en.append("; at the observed rate it would reach ")
          .append(value)
          .append(space(unitEn))
          .append(" in ")
          .append(target.targetYear());
    } else {
      // The target year is gone or the data stale: an estimate of what the observed rate gives,
      // not a forecast.
      zh.append("；按此前速度推算，").append(target.targetYear()).append("年约为").append(value).append(unitZh);
      en.append("; the rate observed would give about ")
          .append(value)
          .append(space(unitEn))
          .append(" for ")
          .append(target.targetYear());
    }
  }

  /** A figure of the document (a target value), as the document gives it. */
  static String number(double value) {
    DecimalFormat format =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(value);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static final Map<String, String> UNITS_EN =
      Map.of(
          "元",
          "yuan",
          "人",
          "persons",
          "户",
          "households",
          "家",
          "units",
          "个",
          "units",
          "人次",
          "person-times",
          "名",
          "persons",
          "%",
          "%");

  private static String space(String unit) {
    return unit.equals("%") || unit.equals("percent") ? "%" : " " + unit;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A text written from DEMO values, with the label at its start in both languages. */
  static LocalizedText labelled(LocalizedText text) {
    return LocalizedText.of(DEMO_LABEL.zh() + text.zh(), DEMO_LABEL.en() + text.text(Lang.EN));
  }
}
