package cn.qingtian.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index of one language of the site, a static file the search page's script queries in
 * the browser ({@code assets/search.js} tokenizes queries the same way). Each entity becomes a
 * document: its type, page, title, a short text for the snippet (starting with the DEMO label for
 * DEMO data) and whether it is DEMO data. The terms map each token to the documents that contain
 * it, in the site's order: Chinese text as overlapping character pairs (so 收入 finds 低收入 and 收入分配),
 * a lone character as itself, other text as lower-case words with plurals reduced, and every code
 * whole.
 */
final class StaticSearchIndex {

  static final String FILE = "search/index.json";

  /** Snippets are cut from this many characters of an entity's text. */
  private static final int SNIPPET = 140;

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final List<List<Object>> documents = new ArrayList<>();
  private final Map<String, Set<Integer>> terms = new TreeMap<>();
  private final Messages t;

  private StaticSearchIndex(Messages t) {
    this.t = t;
  }

  static String of(SiteData data) {
    StaticSearchIndex index = new StaticSearchIndex(Messages.of(data.lang()));
    for (Api.Indicator i : data.indicators()) {
      StringBuilder text = new StringBuilder(i.definition());
      i.targets().forEach(target -> text.append(' ').append(target.text()));
      index.add(
          "INDICATOR",
          "indicators/" + i.code() + "/",
          i.name(),
          text.toString(),
          i.code(),
          i.hasDemo());
    }
    for (Api.Measure m : data.measures()) {
      index.add(
          "MEASURE",
          "measures/" + m.code() + "/",
          m.code() + " " + m.title(),
          m.summary() + " " + m.text(),
          m.code(),
          false);
    }
    for (Api.Group g : data.overview().plan().targetGroups().nodes()) {
      index.add("TARGET_GROUP", "groups/" + g.code() + "/", g.title(), g.group(), g.code(), false);
    }
    for (Api.Department d : data.departments()) {
      index.add(
          "DEPARTMENT",
          "departments/" + d.code() + "/",
          d.name(),
          d.fullName() == null ? "" : d.fullName(),
          d.code(),
          false);
    }
    for (Api.Achievement a : data.achievements()) {
      index.add(
          "ACHIEVEMENT",
          "achievements/#" + a.code(),
          a.title(),
          a.summary(),
          a.code(),
          a.provenance().equals("DEMO"));
    }
    for (Api.Charity c : data.charities()) {
      index.add(
          "CHARITY",
          "charities/" + c.code() + "/",
          c.name(),
          String.join(" ", c.fields()) + " " + (c.address() == null ? "" : c.address()),
          c.code(),
          c.provenance().equals("DEMO"));
    }
    return index.json(data.lang());
  }

  private void add(String type, String page, String title, String text, String code, boolean demo) {
    int doc = documents.size();
    String snippet = (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text).strip();
    // A DEMO result carries the label in its text, not only in the badge the script adds (D25);
    // the label is not indexed, so it finds nothing by itself.
    documents.add(
        List.of(type, page, title, demo ? labelled(type, snippet) : snippet, demo ? 1 : 0));
    for (String token : tokens(title + " " + text)) {
      terms.computeIfAbsent(token, k -> new TreeSet<>()).add(doc);
    }
    terms.computeIfAbsent(code.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(doc);
  }

  /**
   * A DEMO result's snippet with the label: a DEMO record (an achievement, a charity) is DEMO
   * itself; an indicator's definition is real, only some of its data are DEMO.
   */
  private String labelled(String type, String snippet) {
    return type.equals("INDICATOR") ? t.get("demo.data") + snippet : t.demoSentence(snippet);
  }

  /** The tokens of a text; {@code assets/search.js} makes the same of a query. */
  static Set<String> tokens(String text) {
    Set<String> tokens = new TreeSet<>();
    Matcher han = HAN.matcher(text);
    while (han.find()) {
      String run = han.group();
      if (run.length() == 1) {
        tokens.add(run);
      }
      for (int i = 0; i + 1 < run.length(); i++) {
        tokens.add(run.substring(i, i + 2));
      }
    }
    Matcher word = WORD.matcher(HAN.matcher(text).replaceAll(" "));
    while (word.find()) {
      tokens.add(stem(word.group().toLowerCase(Locale.ROOT)));
    }
    return tokens;
  }

  /**
   * Plurals to singular, as {@code assets/search.js} does: policies → policy, pensions → pension.
   */
  static String stem(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4 && word.matches(".*(s|x|z|ch|sh)es")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private String json(String lang) {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("lang", lang);
    index.put("docs", documents);
    index.put("terms", terms);
    return JsonMapper.builder().build().writeValueAsString(index);
  }
}
