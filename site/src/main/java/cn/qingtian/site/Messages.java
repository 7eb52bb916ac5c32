package cn.qingtian.site;

import gg.jte.support.LocalizationSupport;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The site's own words in Chinese and English; data comes from the API in the page's language.
 *
 * <p>The words live in the resource bundle {@code cn/qingtian/site/messages.properties} (Chinese,
 * the authoritative text) and {@code messages_en.properties} (English), both UTF-8. To add a
 * message, add its key to both files; pages read it with {@code t.get("key")}. This class is jte's
 * {@link LocalizationSupport} over those bundles, so a template may also use {@code
 * t.localize("key", params…)} for a message that is HTML by design.
 */
public final class Messages implements LocalizationSupport {

  /** Provenances from the strongest to the weakest (decision D6). */
  private static final List<String> PROVENANCE_ORDER = List.of("OFFICIAL", "SECONDARY", "DEMO");

  /** The bundle's base name: the Chinese text, with its English in {@code messages_en}. */
  static final String BUNDLE = "cn.qingtian.site.messages";

  private static final Messages CHINESE = new Messages(false, bundle(Locale.ROOT));

  private static final Messages ENGLISH = new Messages(true, bundle(Locale.ENGLISH));

  private final boolean english;

  private final ResourceBundle text;

  private Messages(boolean english, ResourceBundle text) {
    this.english = english;
    this.text = text;
  }

  /**
   * The bundle of a language, without the JVM's default locale as a fallback, so that a page's
   * words never depend on the machine that builds it.
   */
  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Messages of(String lang) {
    return lang.equals("en") ? ENGLISH : CHINESE;
  }

  /**
   * The message of a key, for jte's {@code localize}; {@code null} when there is none. Templates
   * use {@link #get} (the text is escaped like any other value); {@code localize} writes the
   * message unescaped, so it suits only messages that are HTML by design.
   */
  @Override
  public @Nullable String lookup(String key) {
    return text.containsKey(key) ? text.getString(key) : null;
  }

  public String get(String key) {
    String message = lookup(key);
    if (message == null) {
      throw new IllegalArgumentException("no message " + key);
    }
    return message;
  }

  /** The message of a key, or {@code fallback} when there is none. */
  public String orElse(String key, String fallback) {
    String message = lookup(key);
    return message == null ? fallback : message;
  }

  public String status(String status) {
    return get("status." + status);
  }

  /** Yes, no, or "not public" for an unknown flag. */
  public String flag(@Nullable Boolean value) {
    return value == null ? get("charity.unknown") : value ? get("charity.yes") : get("charity.no");
  }

  public String provenance(String provenance) {
    return get("provenance." + provenance);
  }

  /**
   * A sentence written from DEMO values, labelled at its start (decision D25) unless it already
   * carries the label: every DEMO label holds the token {@code DEMO} in both languages, as the
   * API's progress summaries do.
   */
  public String demoSentence(String sentence) {
    return isLabelled(sentence) ? sentence : get("demo.label") + sentence;
  }

  /** Items after the lead-in of {@code key}, as one sentence: 图中各线：甲；乙。 / Lines: A; B. */
  public String enumeration(String key, List<String> items) {
    return get(key) + String.join(english ? "; " : "；", items) + (english ? "." : "。");
  }

  /** Whether a text carries a DEMO label. */
  public static boolean isLabelled(String text) {
    return text.contains("DEMO");
  }

  /**
   * A series named with where its values come from, e.g. 青田县（演示数据 DEMO）, 丽水市（官方数据）, or
   * 青田县（混合来源：官方数据、演示数据 DEMO） when they mix.
   */
  public String series(String name, Collection<String> provenances) {
    return name + sources(provenances);
  }

  /**
   * Where values come from, as a note to put after them: （演示数据 DEMO） / " (DEMO data)"; empty for
   * none.
   */
  public String sources(Collection<String> provenances) {
    List<String> kinds =
        PROVENANCE_ORDER.stream()
            .filter(provenances::contains)
            .map(p -> get("source." + p))
            .toList();
    if (kinds.isEmpty()) {
      return "";
    }
    String sources =
        (kinds.size() > 1 ? get("source.mixed") : "") + String.join(english ? ", " : "、", kinds);
    return english ? " (" + sources + ")" : "（" + sources + "）";
  }
}
