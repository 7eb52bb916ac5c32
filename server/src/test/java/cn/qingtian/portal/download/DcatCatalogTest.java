package cn.qingtian.portal.download;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.dataset.TableSchema;
import cn.qingtian.portal.download.DownloadFile.Format;
import cn.qingtian.portal.release.Release;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;

/** The download catalogue is valid DCAT-AP 3.0 and states what the release's files are. */
class DcatCatalogTest {

  private static final String BASE = "https://portal.example.cn";
  private static final String VERSION = "2025.2";
  private static final DownloadSettings SETTINGS =
      new DownloadSettings(
          BASE,
          "青田县共同富裕办公室",
          "Qingtian County Common Prosperity Office",
          "https://creativecommons.org/licenses/by/4.0/");
  private static final String PREFIXES =
      """
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      PREFIX dct: <http://purl.org/dc/terms/>
      PREFIX spdx: <http://spdx.org/rdf/terms#>
      """;

  @Test
  void turtleConformsToTheDcatApShapes() {
    ValidationReport report = DcatShapes.validate(turtle(releaseFiles()));

    assertThat(report.conforms()).as(DcatShapes.describe(report)).isTrue();
  }

  @Test
  void jsonLdConformsToTheDcatApShapesAndEqualsTheTurtle() {
    ReleaseFiles files = releaseFiles();
    Graph jsonLd = jsonLd(files);

    ValidationReport report = DcatShapes.validate(jsonLd);

    assertThat(report.conforms()).as(DcatShapes.describe(report)).isTrue();
    assertThat(jsonLd.isIsomorphicWith(turtle(files))).isTrue();
  }

  @Test
  void theShapesRejectADatasetWithoutATitle() {
    Graph graph = turtle(releaseFiles());
    Model model = ModelFactory.createModelForGraph(graph);
    model.removeAll(model.createResource(BASE + "/datasets/indicators"), DCTerms.title, null);

    ValidationReport report = DcatShapes.validate(graph);

    assertThat(report.conforms()).isFalse();
    assertThat(DcatShapes.describe(report)).contains("/datasets/indicators", "title");
  }

  @Test
  void theCatalogueListsEveryDatasetAndTheWholeRelease() {
    Model model = ModelFactory.createModelForGraph(turtle(releaseFiles()));
    org.apache.jena.rdf.model.Resource catalog = model.createResource(BASE + "/datasets/catalog");

    assertThat(model.listObjectsOfProperty(catalog, DCAT.dataset).mapWith(RDFNode::toString))
        .toIterable()
        .containsExactlyInAnyOrder(
            BASE + "/datasets/charity-grants",
            BASE + "/datasets/indicators",
            BASE + "/datasets/all");
    // When the release was committed to the database (D19), not the package's stated date.
    assertThat(catalog.getProperty(DCTerms.modified).getLiteral().getLexicalForm())
        .isEqualTo("2025-07-01T09:30:00Z");
    assertThat(catalog.getProperty(DCTerms.modified).getLiteral().getDatatypeURI())
        .isEqualTo(XSDDatatype.XSDdateTime.getURI());
  }

  @Test
  void everyDistributionCarriesDownloadUrlSizeChecksumAndLicence() {
    ReleaseFiles files = releaseFiles();
    Map<String, DownloadFile> expected = new HashMap<>();
    for (DatasetFiles dataset : files.datasets()) {
      dataset.files().forEach(f -> expected.put(SETTINGS.url(dataset.id(), VERSION, f.name()), f));
    }
    files.releaseFiles().stream()
        .filter(f -> f.format() != Format.TURTLE && f.format() != Format.JSON_LD)
        .forEach(f -> expected.put(SETTINGS.url(ReleaseFiles.ALL, VERSION, f.name()), f));

    List<QuerySolution> rows =
        select(
            turtle(files),
            """
            SELECT ?distribution ?access ?download ?size ?checksum ?licence ?format ?media WHERE {
              ?dataset a dcat:Dataset ; dcat:distribution ?distribution .
              ?distribution a dcat:Distribution ;
                dcat:accessURL ?access ;
                dcat:downloadURL ?download ;
                dcat:byteSize ?size ;
                dct:license ?licence ;
                dct:format ?format ;
                dcat:mediaType ?media ;
                spdx:checksum [
                  a spdx:Checksum ;
                  spdx:algorithm spdx:checksumAlgorithm_sha256 ;
                  spdx:checksumValue ?checksum
                ] .
            }
            """);

    assertThat(rows).hasSize(8).hasSize(expected.size());
    for (QuerySolution row : rows) {
      String url = row.getResource("download").getURI();
      DownloadFile file = expected.get(url);
      assertThat(file).as(url).isNotNull();
      assertThat(row.getResource("access").getURI()).isEqualTo(url);
      assertThat(row.getLiteral("size").getLexicalForm()).isEqualTo(Long.toString(file.byteSize()));
      assertThat(row.getLiteral("checksum").getLexicalForm()).isEqualTo(file.sha256());
      assertThat(row.getLiteral("checksum").getDatatypeURI())
          .isEqualTo(XSDDatatype.XSDhexBinary.getURI());
      assertThat(row.getResource("licence").getURI()).isEqualTo(SETTINGS.licenseUrl());
      assertThat(row.getResource("format").getURI())
          .startsWith("http://publications.europa.eu/resource/authority/file-type/");
    }
    Map<String, String> formats = new HashMap<>();
    Map<String, String> mediaTypes = new HashMap<>();
    rows.forEach(
        row -> {
          String name = row.getResource("download").getURI().replaceAll(".*/", "");
          formats.put(name, row.getResource("format").getLocalName());
          mediaTypes.put(name, row.getResource("media").getURI());
        });
    assertThat(formats)
        .containsEntry("charity-grants.csv", "CSV")
        .containsEntry("charity-grants.xlsx", "XLSX")
        .containsEntry("indicators.json", "JSON")
        .containsEntry("qingtian-2025.2.zip", "ZIP")
        .containsEntry("datapackage.json", "JSON")
        .containsEntry("SHA256SUMS", "TXT");
    assertThat(mediaTypes)
        .containsEntry(
            "charity-grants.csv", "https://www.iana.org/assignments/media-types/text/csv")
        .containsEntry(
            "qingtian-2025.2.zip", "https://www.iana.org/assignments/media-types/application/zip");
  }

  @Test
  void datasetsStateTheirPeriodFrequencyAndVersion() {
    List<QuerySolution> rows =
        select(
            turtle(releaseFiles()),
            """
            SELECT ?dataset ?frequency ?start ?end ?version WHERE {
              ?dataset a dcat:Dataset ;
                dct:accrualPeriodicity ?frequency ;
                dcat:version ?version .
              OPTIONAL {
                ?dataset dct:temporal [ a dct:PeriodOfTime ; dcat:startDate ?start ; dcat:endDate ?end ]
              }
            }
            """);

    Map<String, QuerySolution> byDataset = new HashMap<>();
    rows.forEach(row -> byDataset.put(row.getResource("dataset").getURI(), row));
    QuerySolution grants = byDataset.get(BASE + "/datasets/charity-grants");
    assertThat(grants.getResource("frequency").getLocalName()).isEqualTo("ANNUAL");
    assertThat(grants.getLiteral("start").getLexicalForm()).isEqualTo("2021");
    assertThat(grants.getLiteral("start").getDatatypeURI())
        .isEqualTo(XSDDatatype.XSDgYear.getURI());
    assertThat(grants.getLiteral("end").getLexicalForm()).isEqualTo("2024");
    QuerySolution indicators = byDataset.get(BASE + "/datasets/indicators");
    assertThat(indicators.getResource("frequency").getLocalName()).isEqualTo("IRREG");
    assertThat(indicators.contains("start")).isFalse();
    assertThat(rows)
        .allSatisfy(row -> assertThat(row.getLiteral("version").getString()).isEqualTo(VERSION));
  }

  @Test
  void titlesAreSplitIntoChineseAndEnglish() {
    Model model = ModelFactory.createModelForGraph(turtle(releaseFiles()));

    assertThat(texts(model, BASE + "/datasets/charity-grants", DCTerms.title))
        .containsExactlyInAnyOrder("慈善项目资助@zh", "Charity grants@en");
    assertThat(texts(model, BASE + "/datasets/indicators", DCTerms.title)).containsExactly("指标@zh");
  }

  @Test
  void literalsAreEscaped() {
    String zh = "标题 \"引号\" 与 \\ 反斜杠";
    String en = "A \"quoted\" title\\with a backslash,\na newline,\ta tab and \r a return";
    ReleaseFiles files =
        releaseFiles(resource("indicators", zh + " / " + en, "说明 / Line one\nLine \"two\""));

    for (Graph graph : List.of(turtle(files), jsonLd(files))) {
      Model model = ModelFactory.createModelForGraph(graph);
      assertThat(texts(model, BASE + "/datasets/indicators", DCTerms.title))
          .containsExactlyInAnyOrder(zh + "@zh", en + "@en");
      assertThat(texts(model, BASE + "/datasets/indicators", DCTerms.description))
          .containsExactlyInAnyOrder("说明@zh", "Line one\nLine \"two\"@en");
    }
  }

  @Test
  void anOddFileNameStillGivesTheSameValidIriInBothTexts() {
    ReleaseFiles plain = releaseFiles();
    ReleaseFiles files =
        new ReleaseFiles(
            plain.release(),
            plain.directory(),
            plain.datasets(),
            List.of(file("read me <v2>.txt", Format.CHECKSUMS, "text/plain", 12)));

    Graph turtle = turtle(files);

    assertThat(DcatShapes.validate(turtle).conforms()).isTrue();
    assertThat(turtle.isIsomorphicWith(jsonLd(files))).isTrue();
    assertThat(select(turtle, "SELECT ?url WHERE { ?d dcat:downloadURL ?url }"))
        .extracting(row -> row.getResource("url").getURI())
        .contains(BASE + "/datasets/all/" + VERSION + "/read%20me%20%3Cv2%3E.txt");
  }

  @Test
  void demoDatasetsCarryTheDemoKeyword() {
    Model model = ModelFactory.createModelForGraph(turtle(releaseFiles()));

    assertThat(keywords(model, BASE + "/datasets/charity-grants")).containsExactly("DEMO");
    assertThat(keywords(model, BASE + "/datasets/all")).containsExactly("DEMO");
    assertThat(keywords(model, BASE + "/datasets/indicators")).isEmpty();
    assertThat(texts(model, BASE + "/datasets/charity-grants", DCTerms.description))
        .anySatisfy(text -> assertThat(text).contains("DEMO", "provenance").endsWith("@en"))
        .anySatisfy(text -> assertThat(text).contains("DEMO").endsWith("@zh"));
    assertThat(texts(model, BASE + "/datasets/indicators", DCTerms.description))
        .noneSatisfy(text -> assertThat(text).contains("DEMO"));
  }

  @Test
  void theSameReleaseGivesTheSameBytes() {
    assertThat(DcatCatalog.turtle(releaseFiles(), SETTINGS))
        .isEqualTo(DcatCatalog.turtle(releaseFiles(), SETTINGS));
    assertThat(DcatCatalog.jsonLd(releaseFiles(), SETTINGS))
        .isEqualTo(DcatCatalog.jsonLd(releaseFiles(), SETTINGS));
  }

  @Test
  void theJsonLdNeedsNoRemoteContext() {
    String text = DcatCatalog.jsonLd(releaseFiles(), SETTINGS);

    assertThat(text).startsWith("{\n  \"@context\": {\n").doesNotContain("\"@context\": \"http");
  }

  // ---------------------------------------------------------------- fixture

  private static ReleaseFiles releaseFiles() {
    return releaseFiles(resource("indicators", "指标", "进展指标 / Progress indicators"));
  }

  private static ReleaseFiles releaseFiles(Resource indicators) {
    Release release =
        new Release(
            3,
            VERSION,
            "2025-06-30T08:00:00Z",
            "abc123",
            "qingtian",
            null,
            List.of(),
            "2025-07-01T09:30:00Z");
    DatasetFiles grants =
        new DatasetFiles(
            "charity-grants",
            resource("charity_grants", "慈善项目资助 / Charity grants", "慈善组织的资助 / Grants made"),
            12,
            true,
            2021,
            2024,
            true,
            List.of(
                file("charity-grants.csv", Format.CSV, "text/csv; charset=utf-8", 1234),
                file("charity-grants-excel.csv", Format.CSV_EXCEL, "text/csv; charset=utf-8", 1237),
                file(
                    "charity-grants.xlsx",
                    Format.XLSX,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    8812)));
    DatasetFiles indicatorFiles =
        new DatasetFiles(
            "indicators",
            indicators,
            5,
            false,
            null,
            null,
            false,
            List.of(
                file("indicators.csv", Format.CSV, "text/csv; charset=utf-8", 310),
                file("indicators.json", Format.JSON, "application/json", 922)));
    return new ReleaseFiles(
        release,
        Path.of("/tmp/releases/3"),
        List.of(grants, indicatorFiles),
        List.of(
            file("qingtian-2025.2.zip", Format.ZIP, "application/zip", 40960),
            file("datapackage.json", Format.DATA_PACKAGE, "application/json", 5120),
            file("SHA256SUMS", Format.CHECKSUMS, "text/plain; charset=utf-8", 700),
            file("catalog.ttl", Format.TURTLE, "text/turtle", 9000),
            file("catalog.jsonld", Format.JSON_LD, "application/ld+json", 12000)));
  }

  private static Resource resource(String name, String title, String description) {
    return new Resource(
        name,
        "data/" + name + ".csv",
        title,
        description,
        new TableSchema(List.of(), List.of(), List.of(), List.of(), List.of()),
        false);
  }

  private static DownloadFile file(String name, Format format, String mediaType, long size) {
    return new DownloadFile(name, format, mediaType, size, sha256(name), false);
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- reading the catalogue

  private static Graph turtle(ReleaseFiles files) {
    return RDFParser.fromString(DcatCatalog.turtle(files, SETTINGS), Lang.TURTLE).toGraph();
  }

  private static Graph jsonLd(ReleaseFiles files) {
    return RDFParser.fromString(DcatCatalog.jsonLd(files, SETTINGS), Lang.JSONLD).toGraph();
  }

  private static List<QuerySolution> select(Graph graph, String query) {
    Model model = ModelFactory.createModelForGraph(graph);
    try (QueryExecution execution = QueryExecution.model(model).query(PREFIXES + query).build()) {
      return ResultSetFormatter.toList(execution.execSelect());
    }
  }

  /** A subject's literals of a property as {@code text@language}. */
  private static List<String> texts(Model model, String subject, Property property) {
    return model
        .listObjectsOfProperty(model.createResource(subject), property)
        .mapWith(RDFNode::asLiteral)
        .mapWith(literal -> literal.getLexicalForm() + "@" + literal.getLanguage())
        .toList();
  }

  private static List<String> keywords(Model model, String subject) {
    return model
        .listObjectsOfProperty(model.createResource(subject), DCAT.keyword)
        .mapWith(RDFNode::asLiteral)
        .mapWith(Literal::getString)
        .toList();
  }
}
