package cn.qingtian.site;

import java.io.StringWriter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * The Atom feeds (RFC 4287) of a language: achievements and releases, newest first. Every required
 * element is written (feed and entry {@code id}, {@code title}, {@code updated}, the feed's {@code
 * author}); IDs are URNs that never change with the host, links follow the site's base URL. A DEMO
 * achievement says so in its title, category and summary; a release holding DEMO data in its
 * category and the first line of its summary. Written with the JDK's StAX writer, which escapes the
 * text and attributes.
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
    Atom xml = head(data, settings, "achievements", t.get("achievements"), updated);
    xml.link("self", "application/atom+xml", settings.absolute(prefix + ACHIEVEMENTS));
    xml.link("alternate", "text/html", settings.absolute(prefix + "achievements/"));
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
      xml.startEntry();
      xml.element("id", "urn:qtportal:achievement:" + a.code());
      xml.element("title", demo ? t.demoSentence(a.title()) : a.title());
      xml.element("updated", a.date() + CHINA_MIDNIGHT);
      xml.link("alternate", "text/html", settings.absolute(prefix + "achievements/#" + a.code()));
      xml.category(a.provenance(), t.provenance(a.provenance()));
      xml.element("summary", summary.toString());
      xml.endEntry();
    }
    return xml.end();
  }

  static String releases(SiteData data, SiteSettings settings) {
    Messages t = Messages.of(data.lang());
    String prefix = data.lang().equals("en") ? "en/" : "";
    List<Api.ReleaseEntry> all = data.releases();
    // When the newest release was committed to the database (D19): the feed moves whenever the
    // content does, even when a corrected package keeps its stated date.
    String updated =
        all.isEmpty() ? data.overview().currentRelease().updated() : all.get(0).updated();
    Atom xml = head(data, settings, "releases", t.get("releases"), updated);
    xml.link("self", "application/atom+xml", settings.absolute(prefix + RELEASES));
    xml.link("alternate", "text/html", settings.absolute(prefix));
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
      xml.startEntry();
      xml.element("id", "urn:qtportal:release:" + r.contentHash());
      xml.element("title", t.get("release") + " " + r.version() + " (#" + r.number() + ")");
      xml.element("published", r.publishedAt());
      xml.element("updated", r.updated());
      xml.link("alternate", "text/html", settings.absolute(prefix));
      if (demo) {
        xml.category("DEMO", null);
      }
      xml.element("summary", summary.toString().strip());
      xml.endEntry();
    }
    return xml.end();
  }

  private static Atom head(
      SiteData data, SiteSettings settings, String kind, String title, String updated) {
    boolean en = data.lang().equals("en");
    String publisher = en ? settings.publisherEn() : settings.publisherZh();
    Atom xml = new Atom(en ? "en" : "zh-CN");
    xml.element("id", "urn:qtportal:" + settings.planCode() + ":" + kind + ":" + data.lang());
    xml.element("title", title + " · " + publisher);
    xml.element("updated", updated);
    xml.author(publisher);
    return xml;
  }

  /** A feed being written, indented as a person would. */
  private static final class Atom {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;

    Atom(String lang) {
      try {
        xml = FACTORY.createXMLStreamWriter(text);
        xml.writeStartDocument("utf-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    void element(String name, String value) {
      try {
        xml.writeCharacters("    ");
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    void link(String rel, String type, String href) {
      try {
        xml.writeCharacters("    ");
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    void category(String term, @Nullable String label) {
      try {
        xml.writeCharacters("    ");
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        if (label != null) {
          xml.writeAttribute("label", label);
        }
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    void author(String name) {
      try {
        xml.writeCharacters("  ");
        xml.writeStartElement("author");
        xml.writeCharacters("\n  ");
        element("name", name);
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    void startEntry() {
      try {
        xml.writeCharacters("  ");
        xml.writeStartElement("entry");
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    void endEntry() {
      try {
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    String end() {
      try {
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
      } catch (XMLStreamException e) {
        throw failed(e);
      }
      return text.toString();
    }

    /** Writing to a string fails only on a programming error. */
    private static IllegalStateException failed(XMLStreamException e) {
      return new IllegalStateException(e);
    }
  }
}
