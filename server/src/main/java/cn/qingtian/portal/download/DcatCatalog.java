package cn.qingtian.portal.download;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.release.Release;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The downloads of a release as a DCAT-AP 3.0 catalogue: a dataset per public table, one for the
 * whole release, and a distribution per file with its URL, format, size, SHA-256 checksum and
 * licence. Both serialisations are written from the same statements, so they hold the same graph;
 * the JSON-LD carries its context inline, so a reader needs nothing from the network. The text
 * depends only on its input: writing the same release twice gives the same bytes.
 */
public final class DcatCatalog {

  private static final String FILE_TYPE =
      "http://publications.europa.eu/resource/authority/file-type/";
  private static final String FREQUENCY =
      "http://publications.europa.eu/resource/authority/frequency/";
  private static final String MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";
  private static final String SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";

  private static final String CATALOG_TITLE =
      "青田县“扩中”“提低”进展门户数据目录 / Qingtian common prosperity progress portal: data catalogue";
  private static final String CATALOG_DESCRIPTION =
      "青田县“扩中”“提低”进展门户公开数据表的下载，附格式、大小、SHA-256 校验和与许可协议。"
          + " / Downloads of the public tables of the Qingtian common prosperity progress portal,"
          + " with their formats, sizes, SHA-256 checksums and licence.";
  private static final String ALL_TITLE =
      "青田县“扩中”“提低”进展门户全部数据 / Qingtian common prosperity progress portal: all data";
  private static final String ALL_DESCRIPTION =
      "本数据版本全部公开数据表的打包下载，以及数据包描述、SHA-256 校验和与变更日志。"
          + " / Every public table of the release in one download, with the data package"
          + " descriptor, SHA-256 checksums and change log.";
  private static final String DEMO_ZH = "含合成的 DEMO 演示数据行，由来源（provenance）列标明。";
  private static final String DEMO_EN =
      "Contains synthetic DEMO rows, labelled as such in the provenance column.";
  private static final String DEMO_KEYWORD = "DEMO";

  /** A local name that is safe to write as a Turtle prefixed name. */
  private static final Pattern SAFE_LOCAL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DcatCatalog() {}

  /** The catalogue in Turtle. */
  public static String turtle(ReleaseFiles files, DownloadSettings settings) {
    StringBuilder out = new StringBuilder();
    for (Prefix prefix : Prefix.values()) {
      out.append("@prefix ")
          .append(prefix.label)
          .append(": <")
          .append(prefix.namespace)
          .append("> .\n");
    }
    for (Node node : new Builder(files, settings).build()) {
      out.append('\n').append(turtleIri(node.iri())).append('\n');
      turtleBody(out, node, "  ");
      out.append(" .\n");
    }
    return out.toString();
  }

  /** The catalogue in JSON-LD, with its {@code @context} inline. */
  public static String jsonLd(ReleaseFiles files, DownloadSettings settings) {
    ObjectNode root = JSON.createObjectNode();
    root.set("@context", context());
    ArrayNode graph = root.putArray("@graph");
    for (Node node : new Builder(files, settings).build()) {
      graph.add(jsonNode(node));
    }
    return JSON.writer().with(PRETTY).writeValueAsString(root) + "\n";
  }

  // ---------------------------------------------------------------- the statements

  /** Collects the catalogue's nodes in a fixed order, each shared node once. */
  private static final class Builder {

    private final ReleaseFiles files;
    private final DownloadSettings settings;
    private final Release release;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> shared = new LinkedHashMap<>();
    private final String publisher;
    private final String license;

    Builder(ReleaseFiles files, DownloadSettings settings) {
      this.files = files;
      this.settings = settings;
      this.release = files.release();
      this.publisher = settings.baseUrl() + "/#publisher";
      this.license = settings.licenseUrl();
    }

    List<Node> build() {
      Node catalog = catalog();
      sharedNodes();

      for (DatasetFiles dataset : files.datasets()) {
        String title = dataset.resource().title();
        String description = dataset.resource().description();
        Node node =
            dataset(
                dataset.id(),
                title,
                description.isBlank() ? title : description,
                dataset.demo(),
                dataset.annual(),
                dataset.temporalStart(),
                dataset.temporalEnd(),
                dataset.files());
        catalog.iri(Property.DATASET, node.iri());
      }

      catalog.iri(Property.DATASET, allFiles().iri());

      List<Node> result = new ArrayList<>(nodes);
      result.addAll(shared.values());
      return result;
    }

    private Node catalog() {
      Node catalog = new Node(settings.baseUrl() + "/datasets/catalog", Type.CATALOG);
      nodes.add(catalog);
      bilingual(catalog, Property.TITLE, CATALOG_TITLE);
      bilingual(catalog, Property.DESCRIPTION, CATALOG_DESCRIPTION);
      catalog.iri(Property.PUBLISHER, publisher);
      catalog.iri(Property.LICENSE, license);
      // When the catalogue's content last changed here (D19): the release's commit time.
      catalog.literal(Property.MODIFIED, release.committedAt());
      catalog.iri(Property.HOMEPAGE, settings.baseUrl() + "/");
      return catalog;
    }

    /** The publisher, the license and the home page, described once. */
    private void sharedNodes() {
      Node agent = shared(publisher, Type.AGENT);
      agent.language(Property.NAME, settings.publisherZh(), "zh");
      agent.language(Property.NAME, settings.publisherEn(), "en");
      shared(license, Type.LICENSE_DOCUMENT);
      shared(settings.baseUrl() + "/", Type.DOCUMENT);
    }

    /** The dataset of all the release's files. */
    private Node allFiles() {
      // The catalogue does not list itself among the release's files.
      List<DownloadFile> releaseFiles =
          files.releaseFiles().stream()
              .filter(f -> f.format() != DownloadFile.Format.TURTLE)
              .filter(f -> f.format() != DownloadFile.Format.JSON_LD)
              .toList();
      return dataset(
          ReleaseFiles.ALL,
          ALL_TITLE,
          ALL_DESCRIPTION,
          files.demo(),
          false,
          files.datasets().stream()
              .map(DatasetFiles::temporalStart)
              .filter(Objects::nonNull)
              .min(Integer::compare)
              .orElse(null),
          files.datasets().stream()
              .map(DatasetFiles::temporalEnd)
              .filter(Objects::nonNull)
              .max(Integer::compare)
              .orElse(null),
          releaseFiles);
    }

    /** A dataset, followed in the text by its distributions. */
    private Node dataset(
        String id,
        String title,
        String description,
        boolean demo,
        boolean annual,
        @Nullable Integer start,
        @Nullable Integer end,
        List<DownloadFile> downloads) {
      Node node = new Node(settings.baseUrl() + "/datasets/" + id, Type.DATASET);
      nodes.add(node);
      node.literal(Property.IDENTIFIER, id);
      bilingual(node, Property.TITLE, title);
      describe(node, description, demo);
      node.iri(Property.PUBLISHER, publisher);
      node.iri(Property.LICENSE, license);
      String frequency = FREQUENCY + (annual ? "ANNUAL" : "IRREG");
      node.iri(Property.ACCRUAL_PERIODICITY, frequency);
      shared(frequency, Type.FREQUENCY);
      node.literal(Property.VERSION, release.version());
      node.literal(Property.VERSION_INFO, release.version());
      if (demo) {
        node.literal(Property.KEYWORD, DEMO_KEYWORD);
      }
      temporal(node, start, end);
      List<Node> distributions = new ArrayList<>();
      for (DownloadFile file : downloads) {
        Node distribution = distribution(id, file);
        node.iri(Property.DISTRIBUTION, distribution.iri());
        distributions.add(distribution);
      }
      nodes.addAll(distributions);
      return node;
    }

    private Node distribution(String dataset, DownloadFile file) {
      String url = settings.url(dataset, release.version(), file.name());
      Node node = new Node(url + "#distribution", Type.DISTRIBUTION);
      node.language(Property.TITLE, file.format().label(), "en");
      node.iri(Property.ACCESS_URL, url);
      node.iri(Property.DOWNLOAD_URL, url);
      String format = FILE_TYPE + fileType(file.format());
      node.iri(Property.FORMAT, format);
      shared(format, Type.MEDIA_TYPE_OR_EXTENT);
      String mediaType = mediaType(file.mediaType());
      if (!mediaType.isEmpty()) {
        node.iri(Property.MEDIA_TYPE, MEDIA_TYPES + mediaType);
        shared(MEDIA_TYPES + mediaType, Type.MEDIA_TYPE);
      }
      node.literal(Property.BYTE_SIZE, Long.toString(file.byteSize()));
      Node checksum = new Node(null, Type.CHECKSUM);
      checksum.iri(Property.ALGORITHM, SHA256);
      checksum.literal(Property.CHECKSUM_VALUE, file.sha256());
      node.node(Property.CHECKSUM, checksum);
      node.iri(Property.LICENSE, license);
      return node;
    }

    private void describe(Node node, String description, boolean demo) {
      Map<String, String> texts = split(description);
      if (demo) {
        texts.merge("zh", DEMO_ZH, (text, sentence) -> sentence(text, "。") + sentence);
        texts.merge("en", DEMO_EN, (text, sentence) -> sentence(text, ".") + " " + sentence);
      }
      texts.forEach((language, text) -> node.language(Property.DESCRIPTION, text, language));
    }

    private Node shared(String iri, Type type) {
      return shared.computeIfAbsent(sanitize(iri), key -> new Node(key, type));
    }
  }

  /** A text ended as a sentence, so that another may follow it. */
  private static String sentence(String text, String stop) {
    return text.isEmpty() || ".!?。！？".indexOf(text.charAt(text.length() - 1)) >= 0
        ? text
        : text + stop;
  }

  private static void bilingual(Node node, Property property, String text) {
    split(text).forEach((language, part) -> node.language(property, part, language));
  }

  /** "中文 / English" as its Chinese and English parts, empty ones left out. */
  private static Map<String, String> split(String text) {
    LocalizedText parts = Dataset.bilingual(text);
    Map<String, String> languages = new LinkedHashMap<>();
    if (!parts.zh().isEmpty()) {
      languages.put("zh", parts.zh());
    }
    if (parts.en() != null) {
      languages.put("en", parts.en());
    }
    return languages;
  }

  private static void temporal(Node dataset, @Nullable Integer start, @Nullable Integer end) {
    if (start == null && end == null) {
      return;
    }
    Node period = new Node(null, Type.PERIOD_OF_TIME);
    if (start != null) {
      period.literal(Property.START_DATE, year(start));
    }
    if (end != null) {
      period.literal(Property.END_DATE, year(end));
    }
    dataset.node(Property.TEMPORAL, period);
  }

  /** An xsd:gYear: at least four digits. */
  private static String year(int year) {
    return year < 0
        ? String.format(Locale.ROOT, "-%04d", -year)
        : String.format(Locale.ROOT, "%04d", year);
  }

  private static String fileType(DownloadFile.Format format) {
    return switch (format) {
      case CSV, CSV_EXCEL, SDMX_CSV, REVISIONS_CSV, CHANGE_LOG -> "CSV";
      case JSON, SDMX_STRUCTURE, GIVING_360, DATA_PACKAGE -> "JSON";
      case XLSX -> "XLSX";
      case ZIP -> "ZIP";
      case CHECKSUMS -> "TXT";
      case TURTLE -> "RDF_TURTLE";
      case JSON_LD -> "JSON_LD";
    };
  }

  /** {@code text/csv; charset=utf-8} is {@code text/csv}. */
  private static String mediaType(String mediaType) {
    int parameters = mediaType.indexOf(';');
    return (parameters < 0 ? mediaType : mediaType.substring(0, parameters))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Percent-encodes what neither a Turtle IRI nor an RFC 3987 IRI may hold (controls, space and
   * {@code <>"{}|\^`}), so that an odd file name still gives the same IRI in both texts.
   */
  static String sanitize(String iri) {
    StringBuilder out = new StringBuilder(iri.length());
    for (int i = 0; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (c <= 0x20 || c == 0x7f || "<>\"{}|\\^`".indexOf(c) >= 0) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- vocabulary

  private enum Prefix {
    DCAT("dcat", "http://www.w3.org/ns/dcat#"),
    DCT("dct", "http://purl.org/dc/terms/"),
    FOAF("foaf", "http://xmlns.com/foaf/0.1/"),
    OWL("owl", "http://www.w3.org/2002/07/owl#"),
    SPDX("spdx", "http://spdx.org/rdf/terms#"),
    XSD("xsd", "http://www.w3.org/2001/XMLSchema#");

    final String label;
    final String namespace;

    Prefix(String label, String namespace) {
      this.label = label;
      this.namespace = namespace;
    }
  }

  private enum Type {
    CATALOG(Prefix.DCAT, "Catalog"),
    DATASET(Prefix.DCAT, "Dataset"),
    DISTRIBUTION(Prefix.DCAT, "Distribution"),
    AGENT(Prefix.FOAF, "Agent"),
    DOCUMENT(Prefix.FOAF, "Document"),
    LICENSE_DOCUMENT(Prefix.DCT, "LicenseDocument"),
    FREQUENCY(Prefix.DCT, "Frequency"),
    MEDIA_TYPE_OR_EXTENT(Prefix.DCT, "MediaTypeOrExtent"),
    MEDIA_TYPE(Prefix.DCT, "MediaType"),
    PERIOD_OF_TIME(Prefix.DCT, "PeriodOfTime"),
    CHECKSUM(Prefix.SPDX, "Checksum");

    final Prefix prefix;
    final String term;

    Type(Prefix prefix, String term) {
      this.prefix = prefix;
      this.term = term;
    }

    String curie() {
      return prefix.label + ":" + term;
    }
  }

  /** What a property's values are, which decides how each text writes them. */
  private enum Kind {
    IRI,
    LANGUAGE,
    STRING,
    TYPED,
    NODE
  }

  private enum Property {
    TITLE(Prefix.DCT, "title", Kind.LANGUAGE),
    DESCRIPTION(Prefix.DCT, "description", Kind.LANGUAGE),
    NAME(Prefix.FOAF, "name", Kind.LANGUAGE),
    IDENTIFIER(Prefix.DCT, "identifier", Kind.STRING),
    KEYWORD(Prefix.DCAT, "keyword", Kind.STRING),
    VERSION(Prefix.DCAT, "version", Kind.STRING),
    VERSION_INFO(Prefix.OWL, "versionInfo", Kind.STRING),
    PUBLISHER(Prefix.DCT, "publisher", Kind.IRI),
    LICENSE(Prefix.DCT, "license", Kind.IRI),
    HOMEPAGE(Prefix.FOAF, "homepage", Kind.IRI),
    DATASET(Prefix.DCAT, "dataset", Kind.IRI),
    DISTRIBUTION(Prefix.DCAT, "distribution", Kind.IRI),
    ACCRUAL_PERIODICITY(Prefix.DCT, "accrualPeriodicity", Kind.IRI),
    ACCESS_URL(Prefix.DCAT, "accessURL", Kind.IRI),
    DOWNLOAD_URL(Prefix.DCAT, "downloadURL", Kind.IRI),
    FORMAT(Prefix.DCT, "format", Kind.IRI),
    MEDIA_TYPE(Prefix.DCAT, "mediaType", Kind.IRI),
    ALGORITHM(Prefix.SPDX, "algorithm", Kind.IRI),
    MODIFIED(Prefix.DCT, "modified", "dateTime"),
    START_DATE(Prefix.DCAT, "startDate", "gYear"),
    END_DATE(Prefix.DCAT, "endDate", "gYear"),
    // DCAT-AP 3.0 says xsd:nonNegativeInteger, but its SHACL shapes (and the EU data portal's
    // validator) still demand xsd:decimal: SEMICeu/DCAT-AP#422. Every whole number is both.
    BYTE_SIZE(Prefix.DCAT, "byteSize", "decimal"),
    CHECKSUM_VALUE(Prefix.SPDX, "checksumValue", "hexBinary"),
    TEMPORAL(Prefix.DCT, "temporal", Kind.NODE),
    CHECKSUM(Prefix.SPDX, "checksum", Kind.NODE);

    final Prefix prefix;
    final String term;
    final Kind kind;
    final @Nullable String datatype;

    Property(Prefix prefix, String term, Kind kind) {
      this.prefix = prefix;
      this.term = term;
      this.kind = kind;
      this.datatype = null;
    }

    Property(Prefix prefix, String term, String datatype) {
      this.prefix = prefix;
      this.term = term;
      this.kind = Kind.TYPED;
      this.datatype = Prefix.XSD.label + ":" + datatype;
    }

    String curie() {
      return prefix.label + ":" + term;
    }
  }

  // ---------------------------------------------------------------- the graph's shape

  /** A text in a language. */
  private record Text(String value, String language) {}

  /** One subject: an IRI, or a blank node (iri null) written inside the node that refers to it. */
  private static final class Node {

    private final @Nullable String iri;
    private final Type type;
    private final Map<Property, List<Object>> values = new LinkedHashMap<>();

    Node(@Nullable String iri, Type type) {
      this.iri = iri == null ? null : sanitize(iri);
      this.type = type;
    }

    String iri() {
      return Objects.requireNonNull(iri, "a blank node has no IRI");
    }

    void iri(Property property, String value) {
      add(property, Kind.IRI, sanitize(value));
    }

    void literal(Property property, String value) {
      add(property, property.kind == Kind.TYPED ? Kind.TYPED : Kind.STRING, value);
    }

    void language(Property property, String value, String language) {
      add(property, Kind.LANGUAGE, new Text(value, language));
    }

    void node(Property property, Node value) {
      add(property, Kind.NODE, value);
    }

    private void add(Property property, Kind kind, Object value) {
      if (property.kind != kind) {
        throw new IllegalArgumentException(property + " does not take a " + kind + " value");
      }
      values.computeIfAbsent(property, p -> new ArrayList<>()).add(value);
    }
  }

  // ---------------------------------------------------------------- Turtle

  private static void turtleBody(StringBuilder out, Node node, String indent) {
    out.append(indent).append("a ").append(node.type.curie());
    node.values.forEach(
        (property, values) -> {
          out.append(" ;\n").append(indent).append(property.curie());
          if (values.size() == 1) {
            out.append(' ');
            turtleValue(out, property, values.get(0), indent);
          } else {
            // One object a line: catalogues list many datasets and distributions.
            String inner = indent + "  ";
            for (int i = 0; i < values.size(); i++) {
              out.append(i == 0 ? "\n" : ",\n").append(inner);
              turtleValue(out, property, values.get(i), inner);
            }
          }
        });
  }

  private static void turtleValue(
      StringBuilder out, Property property, Object value, String indent) {
    switch (property.kind) {
      case IRI -> out.append(turtleIri((String) value));
      case LANGUAGE -> {
        Text text = (Text) value;
        out.append(turtleString(text.value())).append('@').append(text.language());
      }
      case STRING -> out.append(turtleString((String) value));
      case TYPED -> out.append(turtleString((String) value)).append("^^").append(property.datatype);
      case NODE -> {
        out.append("[\n");
        turtleBody(out, (Node) value, indent + "  ");
        out.append('\n').append(indent).append(']');
      }
    }
  }

  /** A prefixed name where one of the catalogue's prefixes fits, else the IRI in brackets. */
  private static String turtleIri(String iri) {
    for (Prefix prefix : Prefix.values()) {
      if (iri.startsWith(prefix.namespace)
          && SAFE_LOCAL_NAME.matcher(iri.substring(prefix.namespace.length())).matches()) {
        return prefix.label + ":" + iri.substring(prefix.namespace.length());
      }
    }
    return "<" + iri + ">";
  }

  /** A Turtle string literal, with every character that needs it escaped. */
  static String turtleString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---------------------------------------------------------------- JSON-LD

  /** Prefixes, a term per class and property, and the type or container of each property. */
  private static ObjectNode context() {
    ObjectNode context = JSON.createObjectNode();
    for (Prefix prefix : Prefix.values()) {
      context.put(prefix.label, prefix.namespace);
    }
    for (Type type : Type.values()) {
      context.put(type.term, type.curie());
    }
    for (Property property : Property.values()) {
      switch (property.kind) {
        case IRI ->
            context.putObject(property.term).put("@id", property.curie()).put("@type", "@id");
        case LANGUAGE ->
            context
                .putObject(property.term)
                .put("@id", property.curie())
                .put("@container", "@language");
        case TYPED ->
            context
                .putObject(property.term)
                .put("@id", property.curie())
                .put("@type", property.datatype);
        case STRING, NODE -> context.put(property.term, property.curie());
      }
    }
    return context;
  }

  private static ObjectNode jsonNode(Node node) {
    ObjectNode object = JSON.createObjectNode();
    if (node.iri != null) {
      object.put("@id", node.iri);
    }
    object.put("@type", node.type.term);
    node.values.forEach(
        (property, values) -> {
          if (property.kind == Kind.LANGUAGE) {
            object.set(property.term, languageMap(values));
          } else if (values.size() == 1) {
            object.set(property.term, jsonValue(property, values.get(0)));
          } else {
            ArrayNode array = object.putArray(property.term);
            values.forEach(value -> array.add(jsonValue(property, value)));
          }
        });
    return object;
  }

  private static JsonNode jsonValue(Property property, Object value) {
    return value instanceof Node node
        ? jsonNode(node)
        : JSON.getNodeFactory().stringNode((String) value);
  }

  /** {@code {"zh": "…", "en": "…"}}, with an array for a language that has several texts. */
  private static ObjectNode languageMap(List<Object> values) {
    Map<String, List<String>> byLanguage = new LinkedHashMap<>();
    for (Object value : values) {
      Text text = (Text) value;
      byLanguage.computeIfAbsent(text.language(), l -> new ArrayList<>()).add(text.value());
    }
    ObjectNode map = JSON.createObjectNode();
    byLanguage.forEach(
        (language, texts) -> {
          if (texts.size() == 1) {
            map.put(language, texts.get(0));
          } else {
            ArrayNode array = map.putArray(language);
            texts.forEach(array::add);
          }
        });
    return map;
  }
}
