package cn.qingtian.portal.api;

import org.jspecify.annotations.Nullable;

/**
 * A text in Chinese, with an optional English translation. Asking for English where there is none
 * gives the Chinese, and {@link #lang} says so: never an empty string (decision D10,
 * docs/decisions/0010-languages.md).
 */
public record LocalizedText(String zh, @Nullable String en) {

  public static LocalizedText of(String zh, @Nullable String en) {
    return new LocalizedText(zh, en == null || en.isBlank() ? null : en);
  }

  public String text(Lang lang) {
    return lang(lang) == Lang.EN ? en : zh;
  }

  /** The language {@link #text} answers in for a request in {@code lang}. */
  public Lang lang(Lang lang) {
    return lang == Lang.EN && en != null ? Lang.EN : Lang.ZH;
  }

  /** All of the portal's English is a translation made for it, not an official text. */
  public boolean unofficialTranslation() {
    return en != null;
  }
}
