package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.Lang;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.plan.Target;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one-sentence summary of an assessment, written from its figures in Chinese and English, e.g.
 * 「2024年为52,000元，已完成2025年目标的89.7%，还需年均增长11.5%」.
 */
final class ProgressSummary {

  private ProgressSummary() {}

  /** The label a sentence written from DEMO values starts with (decision D25). */
  static final LocalizedText DEMO_LABEL =
      LocalizedText.of("演示数据（DEMO）：", "DEMO data (synthetic): ");

  static LocalizedText of(Target target, Progress progress, @Nullable Double runningTotal) {
    LocalizedText sentence = sentence(target, progress, runningTotal);
    if (progress.provenance() != Provenance.DEMO) {
      return sentence;
    }
    return LocalizedText.of(
        DEMO_LABEL.zh() + sentence.zh(), DEMO_LABEL.en() + sentence.text(Lang.EN));
  }

  private static LocalizedText sentence(
      Target target, Progress progress, @Nullable Double runningTotal) {
    return switch (progress.status()) {
      case NOT_ASSESSABLE ->
          LocalizedText.of(
              "无法评估：" + progress.reasonText().zh() + "。",
              "Cannot be assessed: " + progress.reasonText().en() + ".");
      case INSUFFICIENT_DATA ->
          LocalizedText.of(
              "数据不足：" + progress.reasonText().zh() + "。",
              "Insufficient data: " + progress.reasonText().en() + ".");
      default -> judged(target, progress, runningTotal);
    };
  }

  private static LocalizedText judged(
      Target target, Progress progress, @Nullable Double runningTotal) {
    Observation latest = progress.latest();
    if (latest == null) {
      return progress.reasonText();
    }
    // The observation's unit: a growth target is in %, the values it is judged on are not.
    String unitZh = latest.unit();
    String unitEn =
        target.unitText() != null && target.unitText().zh().equals(unitZh)
            ? target.unitText().text(Lang.EN)
            : UNITS_EN.getOrDefault(unitZh, unitZh);
    StringBuilder zh = new StringBuilder(latest.year() + "年为" + number(latest.value()) + unitZh);
    StringBuilder en =
        new StringBuilder(latest.year() + ": " + number(latest.value()) + space(unitEn));
    switch (target.kind()) {
      case "CUMULATIVE_COUNT" -> {
        double total = runningTotal == null ? latest.value() : runningTotal;
        zh.setLength(0);
        en.setLength(0);
        zh.append("截至")
            .append(latest.year())
            .append("年累计")
            .append(number(total))
            .append(unitZh)
            .append("，完成目标")
            .append(number(target.value()))
            .append(unitZh)
            .append("的")
            .append(percent(total / target.value()));
        en.append("By ")
            .append(latest.year())
            .append(": ")
            .append(number(total))
            .append(space(unitEn))
            .append(" in total, ")
            .append(percent(total / target.value()))
            .append(" of the target of ")
            .append(number(target.value()))
            .append(space(unitEn));
        if (progress.requiredRate() != null && progress.requiredRate() > 0) {
          zh.append("，今后每年还需").append(number(progress.requiredRate())).append(unitZh);
          en.append("; ")
              .append(number(progress.requiredRate()))
              .append(space(unitEn))
              .append(" a year still needed");
        }
      }
      case "GROWTH_RATE" -> {
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
      case "DIRECTION", "RELATIONAL" -> {
        if (progress.observedRate() != null) {
          zh.append("，年均变化").append(percent(progress.observedRate()));
          en.append(", changing ").append(percent(progress.observedRate())).append(" a year");
        }
        if (target.kind().equals("RELATIONAL") && progress.requiredRate() != null) {
          zh.append("，比较指标为").append(percent(progress.requiredRate()));
          en.append(" against ")
              .append(percent(progress.requiredRate()))
              .append(" for the related indicator");
        }
      }
      case "DYNAMIC_ZERO" -> {
        zh.append("，目标为动态清零");
        en.append(", against a target of zero");
      }
      case "ANNUAL_COUNT" -> {
        zh.append("，每年目标为").append(number(target.value())).append(unitZh).append("以上");
        en.append(", against ")
            .append(number(target.value()))
            .append(space(unitEn))
            .append(" or more every year");
      }
      case "MILESTONE" -> {
        zh.setLength(0);
        en.setLength(0);
        zh.append(progress.reasonText().zh());
        en.append(capitalized(progress.reasonText().en()));
      }
      default -> levelSentence(target, progress, latest, unitZh, unitEn, zh, en);
    }
    zh.append("。");
    en.append(".");
    return LocalizedText.of(zh.toString(), en.toString());
  }

  private static void levelSentence(
      Target target,
      Progress progress,
      Observation latest,
      String unitZh,
      String unitEn,
      StringBuilder zh,
      StringBuilder en) {
    if (target.value() == null) {
      return;
    }
    boolean finalYear = latest.year() >= target.targetYear();
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
    Double required = progress.requiredRate();
    boolean met = ProgressCalculator.meets(target, latest.value());
    if (!finalYear && required != null && !met) {
      boolean rise = required >= 0;
      zh.append("，还需年均").append(rise ? "增长" : "下降").append(percent(Math.abs(required)));
      en.append("; it needs to ")
          .append(rise ? "grow " : "fall ")
          .append(percent(Math.abs(required)))
          .append(" a year");
    }
    if (!finalYear && progress.projectedValue() != null) {
      zh.append("；按目前速度")
          .append(target.targetYear())
          .append("年预计为")
          .append(number(progress.projectedValue()))
          .append(unitZh);
      en.append("; at the observed rate it would reach ")
          .append(number(progress.projectedValue()))
          .append(space(unitEn))
          .append(" in ")
          .append(target.targetYear());
    }
  }

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
}
