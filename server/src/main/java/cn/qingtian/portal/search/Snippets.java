package cn.qingtian.portal.search;

import cn.qingtian.portal.api.Lang;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.messages.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A short passage of a hit's text around the first query word found in it, HTML-escaped, with every
 * query word marked {@code <mark>…</mark>}: the only markup a snippet ever contains. The snippet of
 * a DEMO hit starts with the DEMO label.
 */
final class Snippets {

  private static final int BEFORE = 30;
  private static final int LENGTH = 120;

  /**
   * The label a DEMO record's snippet starts with (an achievement, a charity), as the progress
   * summaries' (decision D25).
   */
  static final LocalizedText DEMO_RECORD =
      LocalizedText.of(UserMessages.get("demo.label.zh"), UserMessages.get("demo.label.en"));

  /** The label of an indicator some of whose data are DEMO: its definition itself is real. */
  static final LocalizedText DEMO_DATA =
      LocalizedText.of(UserMessages.get("demo.includes.zh"), UserMessages.get("demo.includes.en"));

  private Snippets() {}

  /** The snippet of a hit of {@code type}, labelled at its start when the hit is DEMO data. */
  static String labelled(String snippet, String type, boolean demo, boolean english) {
    if (!demo) {
      return snippet;
    }
    LocalizedText label = type.equals("INDICATOR") ? DEMO_DATA : DEMO_RECORD;
    return label.text(english ? Lang.EN : Lang.ZH) + snippet;
  }

  static String of(String query, String text) {
    List<String> words = new ArrayList<>();
    for (String word : query.replace("\"", " ").split(" ")) {
      if (!word.isBlank()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int first = -1;
    for (String word : words) {
      int at = lower.indexOf(word);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    int from = Math.max(0, first < 0 ? 0 : first - BEFORE);
    int to = Math.min(text.length(), from + LENGTH);
    StringBuilder out = new StringBuilder(from > 0 ? "…" : "");
    int i = from;
    while (i < to) {
      String match = null;
      for (String word : words) {
        if (lower.startsWith(word, i) && (match == null || word.length() > match.length())) {
          match = word;
        }
      }
      if (match != null) {
        int end = Math.min(to, i + match.length());
        out.append("<mark>").append(escape(text.substring(i, end))).append("</mark>");
        i = end;
      } else {
        out.append(escape(text.substring(i, i + 1)));
        i++;
      }
    }
    return out.append(to < text.length() ? "…" : "").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
