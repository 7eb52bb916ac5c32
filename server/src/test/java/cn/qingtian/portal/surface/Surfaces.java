package cn.qingtian.portal.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Cuts every kind of file the portal publishes into {@link Unit}s: pages into sentence-sized
 * elements, meta tags and alt texts; feeds into entries; CSV, XLSX and JSON into rows and objects;
 * archives into their files.
 */
final class Surfaces {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Elements a label must share with a value: the smallest that a reader takes as one piece. */
  private static final Set<String> CONTAINERS =
      Set.of(
          "p",
          "li",
          "tr",
          "caption",
          "figcaption",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "title",
          "desc",
          "option",
          "blockquote",
          "dt",
          "dd",
          "label",
          "summary",
          "legend",
          "pre",
          "button");

  private static final String TEXT_ATTRIBUTES = "[alt], [aria-label], [title]:not(title)";

  private Surfaces() {}

  /** The units of a published file, by its name; none for assets such as images or scripts. */
  static List<Unit> of(String name, byte[] bytes) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    try {
      if (lower.endsWith(".html")) {
        return html(name, new String(bytes, StandardCharsets.UTF_8));
      } else if (lower.endsWith(".xml")) {
        return feed(name, new String(bytes, StandardCharsets.UTF_8));
      } else if (lower.endsWith(".csv")) {
        return csv(name, new String(bytes, StandardCharsets.UTF_8));
      } else if (lower.endsWith(".json") || lower.endsWith(".jsonld")) {
        return json(name, JSON.readTree(bytes));
      } else if (lower.endsWith(".xlsx")) {
        return xlsx(name, bytes);
      } else if (lower.endsWith(".zip")) {
        return zip(name, bytes);
      } else if (lower.endsWith(".gz")) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          return of(name.substring(0, name.length() - 3), in.readAllBytes());
        }
      } else if (lower.endsWith(".ttl") || lower.endsWith(".txt") || lower.endsWith("sha256sums")) {
        return lines(name, new String(bytes, StandardCharsets.UTF_8));
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }

  static List<Unit> html(String name, String html) {
    Document page = Jsoup.parse(html);
    page.select("script, style").remove();
    List<Unit> units = new ArrayList<>();
    for (Element meta : page.select("meta[content]")) {
      String key = meta.hasAttr("name") ? meta.attr("name") : meta.attr("property");
      if (key.equals("description") || key.startsWith("og:")) {
        units.add(Unit.text(name + " meta " + key, meta.attr("content")));
      }
    }
    for (Element element : page.select(TEXT_ATTRIBUTES)) {
      for (String attribute : List.of("alt", "aria-label", "title")) {
        if (element.hasAttr(attribute)) {
          units.add(
              Unit.text(name + " " + element.tagName() + "@" + attribute, element.attr(attribute)));
        }
      }
    }
    Set<Element> containers = new LinkedHashSet<>();
    for (Element element : page.getAllElements()) {
      if (!element.ownText().isBlank()) {
        Element container = element;
        while (container != null && !CONTAINERS.contains(container.normalName())) {
          container = container.parent();
        }
        if (container != null && container.normalName().matches("dt|dd")) {
          container =
              container.parent() != null && container.parent().normalName().equals("div")
                  ? container.parent()
                  : container;
        }
        containers.add(container == null ? element : container);
      }
    }
    for (Element container : containers) {
      String where = name + " " + container.cssSelector();
      if (container.normalName().equals("tr")) {
        units.add(
            new Unit(
                where,
                container.text(),
                SurfaceRules.saysDemo(container.text()),
                cells(container)));
      } else {
        units.add(Unit.text(where, container.text()));
      }
    }
    return units;
  }

  /** A table row's cells by their column heading. */
  private static Map<String, String> cells(Element row) {
    Map<String, String> cells = new LinkedHashMap<>();
    Element table = row.closest("table");
    List<String> headings = table == null ? List.of() : table.select("thead th").eachText();
    var values = row.children();
    if (headings.size() == values.size()) {
      for (int i = 0; i < values.size(); i++) {
        cells.put(headings.get(i), values.get(i).text());
      }
    }
    return cells;
  }

  /** An Atom feed's entries; a sitemap or another XML file as one unit per element. */
  static List<Unit> feed(String name, String xml) {
    Document document = Jsoup.parse(xml, "", Parser.xmlParser());
    List<Unit> units = new ArrayList<>();
    for (Element entry : document.select("entry")) {
      units.add(Unit.text(name + " entry " + entry.select("id").text(), entry.text()));
    }
    Element feed = document.selectFirst("feed");
    if (feed != null) {
      feed.select("entry").remove();
      units.add(Unit.text(name + " feed", feed.text()));
    } else {
      units.add(Unit.text(name, document.text()));
    }
    return units;
  }

  static List<Unit> csv(String name, String text) throws IOException {
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(text.replace("\uFEFF", ""))).getRecords();
    if (records.isEmpty()) {
      return List.of();
    }
    List<String> header = records.get(0).toList();
    List<Unit> units = new ArrayList<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      units.add(
          Unit.row(name + ":" + (record.getRecordNumber()), columns(header, record.toList())));
    }
    return units;
  }

  static List<Unit> xlsx(String name, byte[] bytes) throws IOException {
    List<Unit> units = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        List<Row> rows = sheet.read();
        if (rows.isEmpty()) {
          continue;
        }
        List<String> header = texts(rows.get(0));
        for (Row row : rows.subList(1, rows.size())) {
          units.add(
              Unit.row(
                  name + "!" + sheet.getName() + ":" + row.getRowNum(),
                  columns(header, texts(row))));
        }
      }
    }
    return units;
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      texts.add(row.getCellText(i));
    }
    return texts;
  }

  private static Map<String, String> columns(List<String> header, List<String> values) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      columns.put(i < header.size() ? header.get(i) : "#" + i, values.get(i));
    }
    return columns;
  }

  static List<Unit> zip(String name, byte[] bytes) throws IOException {
    List<Unit> units = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        units.addAll(of(name + "!" + entry.getName(), in.readAllBytes()));
      }
    }
    return units;
  }

  private static List<Unit> lines(String name, String text) {
    List<Unit> units = new ArrayList<>();
    text.lines().forEach(line -> units.add(Unit.text(name + " line", line)));
    return units;
  }

  /**
   * Every object of a JSON document as a unit: its scalar values, and the code of a nested {@code
   * source}. It is labelled when it says DEMO itself or belongs to a record (it or the nearest
   * object above it with a {@code provenance}) whose provenance is DEMO.
   */
  static List<Unit> json(String name, JsonNode root) {
    List<Unit> units = new ArrayList<>();
    walk(name, "$", root, false, units);
    return units;
  }

  private static void walk(
      String name, String path, JsonNode node, boolean demoRecord, List<Unit> units) {
    if (node.isArray()) {
      List<String> scalars = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isValueNode()) {
          scalars.add(node.get(i).asText());
        } else {
          walk(name, path + "[" + i + "]", node.get(i), demoRecord, units);
        }
      }
      if (!scalars.isEmpty()) {
        // A row written as an array, such as a document of the static search index.
        String text = String.join(" ", scalars);
        units.add(
            new Unit(
                name + " " + path,
                text,
                demoRecord || SurfaceRules.saysDemo(text),
                java.util.Map.of()));
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    // A record's own provenance, or that of its assessment (a target's path is its progress's).
    JsonNode provenance =
        node.has("provenance") ? node.get("provenance") : node.path("progress").path("provenance");
    boolean demo = provenance.isMissingNode() ? demoRecord : "DEMO".equals(provenance.asText());
    Map<String, String> columns = new LinkedHashMap<>();
    var fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      JsonNode value = field.getValue();
      if (value.isValueNode()) {
        columns.put(field.getKey(), value.isNull() ? "" : value.asText());
      } else if (field.getKey().equals("source")) {
        columns.put("source", value.path("code").asText(""));
      }
    }
    if (node.has("source") && node.get("source").isNull()) {
      columns.put("source", "");
    }
    if (!columns.isEmpty()) {
      String text = String.join(" ", columns.values());
      units.add(new Unit(name + " " + path, text, demo || SurfaceRules.saysDemo(text), columns));
    }
    var children = node.fields();
    while (children.hasNext()) {
      var child = children.next();
      if (child.getValue().isContainerNode()) {
        walk(name, path + "." + child.getKey(), child.getValue(), demo, units);
      }
    }
  }
}
