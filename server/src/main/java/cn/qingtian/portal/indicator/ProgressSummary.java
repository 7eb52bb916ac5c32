package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.Lang;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.messages.UserMessages;
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
      LocalizedText.of(UserMessages.get("demo.label.zh"), UserMessages.get("demo.label.en"));

  /**
   * @param releaseYear the year of the release's own date (package metadata, D4), the "now" the
   *     sentence is written from
   */
  static LocalizedText of(
      Target target, Progress progress, @Nullable Double runningTotal, int releaseYear) {
    return switch (progress.status()) {
      case NOT_ASSESSABLE ->
          LocalizedText.of(
              UserMessages.get("progress.notAssessable.zh", progress.reasonText().zh()),
              UserMessages.get("progress.notAssessable.en", progress.reasonText().en()));
      case INSUFFICIENT_DATA ->
          LocalizedText.of(
              UserMessages.get("progress.insufficientData.zh", progress.reasonText().zh()),
              UserMessages.get("progress.insufficientData.en", progress.reasonText().en()));
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

  /**
   * A sentence written in both languages at once from texts of the bundle ({@link UserMessages}
   * keys {@code progress.sentence.*}): each piece gets the unit as its argument {@code {0}}, in
   * Chinese as given and in English with its leading space.
   */
  private static final class Sentence {
    private final StringBuilder zh = new StringBuilder();
    private final StringBuilder en = new StringBuilder();
    private final String unitZh;
    private final String unitEn;

    Sentence(String unitZh, String unitEn) {
      this.unitZh = unitZh;
      this.unitEn = space(unitEn);
    }

    /** Appends the piece {@code progress.sentence.<piece>}; its {@code {1}}… are the arguments. */
    void add(String piece, Object... arguments) {
      Object[] zhArguments = new Object[arguments.length + 1];
      Object[] enArguments = new Object[arguments.length + 1];
      zhArguments[0] = unitZh;
      enArguments[0] = unitEn;
      System.arraycopy(arguments, 0, zhArguments, 1, arguments.length);
      System.arraycopy(arguments, 0, enArguments, 1, arguments.length);
      zh.append(UserMessages.get("progress.sentence." + piece + ".zh", zhArguments));
      en.append(UserMessages.get("progress.sentence." + piece + ".en", enArguments));
    }

    /** Appends a text already written in both languages. */
    void addText(String zhText, String enText) {
      zh.append(zhText);
      en.append(enText);
    }

    LocalizedText text() {
      return LocalizedText.of(zh.toString(), en.toString());
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
    Sentence sentence = new Sentence(latest.unit(), unitEn(target, latest.unit()));
    switch (target.kind()) {
      case CUMULATIVE_COUNT -> cumulative(sentence, target, progress, runningTotal, timing);
      case MILESTONE ->
          sentence.addText(progress.reasonText().zh(), capitalized(progress.reasonText().en()));
      default -> {
        sentence.add("latest", latest.year(), precision.value(latest.value()));
        standing(sentence, target, progress, timing);
      }
    }
    closing(sentence, target, progress, timing, latest);
    return sentence.text();
  }

  /**
   * The observation's unit in English: a growth target is in %, the values it is judged on are not,
   * so the target's own English unit serves only when it is the observation's unit.
   */
  private static String unitEn(Target target, String unitZh) {
    return target.unitText() != null && target.unitText().zh().equals(unitZh)
        ? target.unitText().text(Lang.EN)
        : UNITS_EN.getOrDefault(unitZh, unitZh);
  }

  /** The running total against the target, and the yearly amount still needed. */
  private static void cumulative(
      Sentence sentence,
      Target target,
      Progress progress,
      @Nullable Double runningTotal,
      Timing timing) {
    Observation latest = progress.latest();
    Precision precision = Precision.of(latest.value());
    double total = runningTotal == null ? latest.value() : runningTotal;
    sentence.add(
        "cumulative",
        latest.year(),
        precision.value(total),
        number(target.value()),
        percent(total / target.value()));
    Double needed = progress.requiredRate();
    if (timing.advise() && needed != null && needed > 0) {
      sentence.add("cumulative.needed", precision.needed(needed));
    }
  }

  /** What follows the latest value: how it stands against the target, by the target's kind. */
  private static void standing(Sentence sentence, Target target, Progress progress, Timing timing) {
    Observation latest = progress.latest();
    switch (target.kind()) {
      case GROWTH_RATE -> {
        if (progress.observedRate() != null && progress.baseline() != null) {
          sentence.add(
              "growth",
              progress.baseline().year(),
              latest.year(),
              percent(progress.observedRate()),
              number(target.value()));
        }
      }
      case DIRECTION, RELATIONAL -> change(sentence, target, progress);
      case DYNAMIC_ZERO -> sentence.add("zero");
      case ANNUAL_COUNT -> sentence.add("annual", number(target.value()));
      case LEVEL, SHARE, FULL_COVERAGE, CEILING, FLOOR ->
          levelSentence(target, progress, latest, timing, sentence);
      case CUMULATIVE_COUNT, MILESTONE -> {
        // written whole by judged
      }
    }
  }

  /** The yearly change observed and, for a relational target, the related indicator's. */
  private static void change(Sentence sentence, Target target, Progress progress) {
    if (progress.observedRate() != null) {
      sentence.add("change", percent(progress.observedRate()));
    }
    if (target.kind() == TargetKind.RELATIONAL && progress.requiredRate() != null) {
      sentence.add("related", percent(progress.requiredRate()));
    }
  }

  /** A target met ahead of its year, a series that stopped, and the full stop. */
  private static void closing(
      Sentence sentence, Target target, Progress progress, Timing timing, Observation latest) {
    if (progress.status() == ProgressStatus.ACHIEVED_AHEAD) {
      sentence.add("ahead", target.targetYear());
    }
    if (timing.stale() && progress.status() != ProgressStatus.TARGET_ACHIEVED) {
      sentence.add("stale", latest.year());
    }
    sentence.add("end");
  }

  private static void levelSentence(
      Target target, Progress progress, Observation latest, Timing timing, Sentence sentence) {
    if (target.value() == null) {
      return;
    }
    levelTarget(sentence, target, latest);
    boolean finalYear = latest.year() >= target.targetYear();
    boolean met = ProgressCalculator.meets(target, latest.value());
    if (finalYear || met) {
      return;
    }
    Double required = progress.requiredRate();
    if (timing.advise() && required != null) {
      sentence.add(required >= 0 ? "grow" : "fall", percent(Math.abs(required)));
    }
    Double projected = progress.projectedValue();
    if (projected != null) {
      projection(sentence, target, timing, Precision.of(latest.value()).projection(projected));
    }
  }

  /** The latest value as a share of a target to reach, or the ceiling it must stay under. */
  private static void levelTarget(Sentence sentence, Target target, Observation latest) {
    if (target.higherIsBetter() && target.value() > 0) {
      sentence.add(
          "share",
          target.targetYear(),
          number(target.value()),
          percent(latest.value() / target.value()));
    } else {
      sentence.add("ceiling", target.targetYear(), number(target.value()));
    }
  }

  /**
   * Where the observed rate leads by the target year: a forecast while advice may be given, else
   * (the target year gone or the data stale) an estimate of what the observed rate gives.
   */
  private static void projection(Sentence sentence, Target target, Timing timing, String value) {
    sentence.add(timing.advise() ? "forecast" : "estimate", target.targetYear(), value);
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
