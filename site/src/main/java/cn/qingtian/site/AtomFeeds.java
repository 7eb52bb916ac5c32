package cn.qingtian.site;

import java.util.List;

/**
 * The Atom feeds (RFC 4287) of a language: achievements and releases, newest first. Every required
 * element is written (feed and entry {@code id}, {@code title}, {@code updated}, the feed's {@code
 * author}); IDs are URNs that never change with the host, links follow the site's base URL. A DEMO
 * achievement says so in its title, category and summary; a release holding DEMO data in its
 * category and the first line of its summary.
 */
final class AtomFeeds {

  static final String ACHIEVEMENTS = "feeds/achievements.xml";
  static final String RELEASES = "feeds/releases.xml";
  private static final String CHINA_MIDNIGHT = "T00:00:00+08:00";

  private AtomFeeds() {}

  static String achievements(SiteData data, SiteSettings settings) {
    Messages t = Messages.of(data.lang());
    String prefix = data.lang().equals("en") ? "en/" : "";
    List<Api.Achievement> all = data.achievements();
    String updated =
        all.isEmpty()
            ? data.overview().currentRelease().updated()
            : all.stream().map(Api.Achievement::date).max(String::compareTo).orElseThrow()
                + CHINA_MIDNIGHT;
    StringBuilder xml = head(data, settings, "achievements", t.get("achievements"), updated);
    xml.append(link("self", "application/atom+xml", settings.absolute(prefix + ACHIEVEMENTS)));
    xml.append(link("alternate", "text/html", settings.absolute(prefix + "achievements/")));
    for (Api.Achievement a : all) {
      // Feed readers often show titles alone: a DEMO entry is labelled in its title too (D25).
      boolean demo = a.provenance().equals("DEMO");
      StringBuilder summary = new StringBuilder(a.summary());
      for (Api.Output o : a.outputs()) {
        summary
            .append("\n")
            .append(o.metric())
            .append(": ")
            .append(t.get("comparator." + o.comparator()))
            .append(Format.number(o.value()))
            .append(" ")
            .append(o.unit());
      }
      summary.append("\n").append(t.get("sources")).append(": ").append(a.source().title());
      if (demo) {
        summary.append("\nDEMO: ").append(t.get("demo.synthetic"));
      }
      xml.append("  <entry>\n")
          .append(element("id", "urn:qtportal:achievement:" + a.code()))
          .append(element("title", demo ? t.demoSentence(a.title()) : a.title()))
          .append(element("updated", a.date() + CHINA_MIDNIGHT))
          .append(
              link(
                  "alternate",
                  "text/html",
                  settings.absolute(prefix + "achievements/#" + a.code())))
          .append("    <category term=\"")
          .append(escape(a.provenance()))
          .append("\" label=\"")
          .append(escape(t.provenance(a.provenance())))
          .append("\"/>\n")
          .append(element("summary", summary.toString()))
          .append("  </entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }

  static String releases(SiteData data, SiteSettings settings) {
    Messages t = Messages.of(data.lang());
    String prefix = data.lang().equals("en") ? "en/" : "";
    List<Api.ReleaseEntry> all = data.releases();
    // When the newest release was committed to the database (D19): the feed moves whenever the
    // content does, even when a corrected package keeps its stated date.
    String updated =
        all.isEmpty() ? data.overview().currentRelease().updated() : all.get(0).updated();
    StringBuilder xml = head(data, settings, "releases", t.get("releases"), updated);
    xml.append(link("self", "application/atom+xml", settings.absolute(prefix + RELEASES)));
    xml.append(link("alternate", "text/html", settings.absolute(prefix)));
    for (Api.ReleaseEntry r : all) {
      boolean demo = r.version().contains("+demo");
      StringBuilder summary = new StringBuilder();
      if (demo) {
        summary.append("DEMO: ").append(t.get("demo.synthetic")).append("\n");
      }
      if (r.note() != null) {
        summary.append(r.note()).append("\n");
      }
      for (Api.Change c : r.changes()) {
        summary
            .append(c.table())
            .append(": +")
            .append(c.added())
            .append(" ~")
            .append(c.changed())
            .append(" -")
            .append(c.removed())
            .append("\n");
      }
      xml.append("  <entry>\n")
          .append(element("id", "urn:qtportal:release:" + r.contentHash()))
          .append(element("title", t.get("release") + " " + r.version() + " (#" + r.number() + ")"))
          .append(element("published", r.publishedAt()))
          .append(element("updated", r.updated()))
          .append(link("alternate", "text/html", settings.absolute(prefix)))
          .append(demo ? "    <category term=\"DEMO\"/>\n" : "")
          .append(element("summary", summary.toString().strip()))
          .append("  </entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }

  private static StringBuilder head(
      SiteData data, SiteSettings settings, String kind, String title, String updated) {
    boolean en = data.lang().equals("en");
    String publisher = en ? settings.publisherEn() : settings.publisherZh();
    return new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        .append(en ? "en" : "zh-CN")
        .append("\">\n")
        .append(
            element("id", "urn:qtportal:" + settings.planCode() + ":" + kind + ":" + data.lang()))
        .append(element("title", title + " · " + publisher))
        .append(element("updated", updated))
        .append("  <author>\n  ")
        .append(element("name", publisher))
        .append("  </author>\n");
  }

  private static String element(String name, String text) {
    return "    <" + name + ">" + escape(text) + "</" + name + ">\n";
  }

  private static String link(String rel, String type, String href) {
    return "    <link rel=\"" + rel + "\" type=\"" + type + "\" href=\"" + escape(href) + "\"/>\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
