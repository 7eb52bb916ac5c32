package cn.qingtian.portal.download;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The downloads of the bundled release, as a partner fetches them over HTTP: every public table in
 * every format, valid against the standards they claim, checksummed, and served with the headers
 * download tools and caches rely on.
 */
@ApiIntegrationTest
@DatabaseTest
class DownloadsTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASETS =
      "{ datasets { name table title(lang: EN) containsDemoData rowCount updateFrequency"
          + " temporalCoverage { start end } distributions { fileName format byteSize sha256 url"
          + " latestUrl } } currentRelease { version files { fileName format byteSize sha256 url"
          + " } } }";

  @Autowired HttpGraphQlTester graphQl;
  @Autowired WebTestClient web;
  @TempDir Path temp;
  @LocalServerPort int port;

  @Test
  void everyPublicTableIsADatasetInEveryFormatAndNothingPrivateIs() {
    List<Map<String, Object>> datasets = datasets();
    Map<String, Map<String, Object>> byName = new HashMap<>();
    datasets.forEach(d -> byName.put((String) d.get("name"), d));
    assertThat(byName)
        .containsKeys(
            "plans",
            "measures",
            "indicators",
            "targets",
            "observations",
            "sources",
            "charities",
            "charity-finances",
            "charity-grants",
            "achievements",
            "income-cells",
            "income-statistics",
            "disclosure-reports")
        .doesNotContainKeys("household-microdata", "charity-donation-records");
    for (Map<String, Object> dataset : datasets) {
      assertThat(formats(dataset))
          .as((String) dataset.get("name"))
          .contains("CSV", "CSV_EXCEL", "JSON", "XLSX");
    }
    assertThat(formats(byName.get("observations")))
        .contains("SDMX_CSV", "SDMX_STRUCTURE", "REVISIONS_CSV");
    assertThat(formats(byName.get("charity-grants"))).contains("GIVING_360");
    assertThat(byName.get("observations").get("containsDemoData")).isEqualTo(true);
    assertThat(byName.get("observations").get("updateFrequency")).isEqualTo("ANNUAL");
    assertThat(byName.get("measures").get("containsDemoData")).isEqualTo(false);
    assertThat(byName.get("measures").get("updateFrequency")).isEqualTo("IRREGULAR");
    assertThat(byName.get("measures").get("title"))
        .isEqualTo(
            "Measures: implementation paths (P), target-group incentives (G) and safeguards (S)");
    assertThat(map(byName.get("observations").get("temporalCoverage")))
        .isEqualTo(Map.of("start", 2019, "end", 2025));
  }

  @Test
  void aDatasetIsFoundByNameByGlobalIdAndAsANode() {
    String id =
        graphQl
            .document("{ dataset(name: \"measures\") { id temporalCoverage { start end } } }")
            .execute()
            .path("dataset.temporalCoverage")
            // The plan structure has no time column: it covers the plan period.
            .entity(Map.class)
            .isEqualTo(Map.of("start", 2021, "end", 2025))
            .path("dataset.id")
            .entity(String.class)
            .get();
    graphQl
        .document(
            "{ dataset(id: \""
                + id
                + "\") { name } node(id: \""
                + id
                + "\") { ... on Dataset { name } } }")
        .execute()
        .path("dataset.name")
        .entity(String.class)
        .isEqualTo("measures")
        .path("node.name")
        .entity(String.class)
        .isEqualTo("measures");
    graphQl
        .document("{ dataset(name: \"household-microdata\") { name } }")
        .execute()
        .path("dataset")
        .valueIsNull();
  }

  @Test
  void everyFileIsServedWithTheSizeAndChecksumTheApiStates() throws Exception {
    List<Map<String, Object>> files = new ArrayList<>();
    datasets().forEach(d -> files.addAll(list(d.get("distributions"))));
    files.addAll(releaseFiles());
    assertThat(files).hasSizeGreaterThan(60);
    for (Map<String, Object> file : files) {
      byte[] body = get(path((String) file.get("url")));
      assertThat((double) body.length).as((String) file.get("url")).isEqualTo(file.get("byteSize"));
      assertThat(sha256(body)).as((String) file.get("url")).isEqualTo(file.get("sha256"));
    }
  }

  @Test
  void theZipHoldsAValidDataPackageWhoseTablesConformToTheirSchemas() throws Exception {
    Path unzipped = unzip(get(path(releaseFile("ZIP"))));
    JsonNode descriptor = JSON.readTree(unzipped.resolve("datapackage.json").toFile());
    assertThat(profile("datapackage.json").validate(descriptor)).isEmpty();
    JsonSchema tableSchema = profile("tableschema.json");
    for (JsonNode resource : descriptor.path("resources")) {
      assertThat(tableSchema.validate(resource.path("schema"))).isEmpty();
      // Stated, so that a partner's validator does not guess the delimiter from the data.
      assertThat(resource.at("/dialect/delimiter").asText()).isEqualTo(",");
    }
    assertThat(descriptor.path("description").asText()).contains("DEMO");
    // The portal's own validator checks every value's type, required fields, keys and foreign keys.
    Validation validation = PackageValidator.validate(unzipped);
    assertThat(validation.problems()).isEmpty();
    assertThat(validation.isValid()).isTrue();

    List<String> sums = Files.readAllLines(unzipped.resolve("SHA256SUMS"));
    assertThat(sums).hasSizeGreaterThan(60);
    for (String line : sums) {
      String[] parts = line.split("  ", 2);
      assertThat(sha256(Files.readAllBytes(unzipped.resolve(parts[1]))))
          .as(parts[1])
          .isEqualTo(parts[0]);
    }
  }

  @Test
  void theStandaloneDataPackageNamesEveryTableByItsUrl() throws Exception {
    JsonNode descriptor = JSON.readTree(get(path(releaseFile("DATA_PACKAGE"))));
    assertThat(profile("datapackage.json").validate(descriptor)).isEmpty();
    for (JsonNode resource : descriptor.path("resources")) {
      byte[] csv = get(path(resource.path("path").asText()));
      assertThat("sha256:" + sha256(csv)).isEqualTo(resource.path("hash").asText());
    }
  }

  @Test
  void sdmxCsvHasTheRequiredColumnsAndTheValuesOfTheApi() throws Exception {
    List<CSVRecord> sdmx = csv(get("/datasets/observations/latest/observations.sdmx.csv"));
    assertThat(sdmx.get(0).values())
        .containsExactly(
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            "INDICATOR",
            "REF_AREA",
            "TIME_PERIOD",
            "DISAGGREGATION",
            "OBS_VALUE",
            "UNIT_MEASURE",
            "OBS_STATUS",
            "PROVENANCE",
            "SOURCE");
    List<CSVRecord> observations = csv(get("/datasets/observations/latest/observations.csv"));
    assertThat(sdmx).hasSameSizeAs(observations);
    Map<String, BigDecimal> values = new HashMap<>();
    for (CSVRecord row : sdmx.subList(1, sdmx.size())) {
      assertThat(row.get(0)).isEqualTo("dataflow");
      assertThat(row.get(1)).isEqualTo("QTPORTAL:OBSERVATIONS(1.0)");
      values.put(
          row.get(3) + "|" + row.get(4) + "|" + row.get(5) + "|" + row.get(6),
          new BigDecimal(row.get(7)));
    }
    List<Map<String, Object>> indicators =
        graphQl
            .document(
                "{ indicators(first: 100) { nodes { code observations(first: 100) { nodes {"
                    + " period value disaggregation geography { code } source { code } } } } } }")
            .execute()
            .path("indicators.nodes")
            .entityList(Object.class)
            .get()
            .stream()
            .map(DownloadsTest::map)
            .toList();
    int compared = 0;
    for (Map<String, Object> indicator : indicators) {
      for (Map<String, Object> node : list(map(indicator.get("observations")).get("nodes"))) {
        String key =
            indicator.get("code")
                + "|"
                + map(node.get("geography")).get("code")
                + "|"
                + node.get("period")
                + "|"
                + node.get("disaggregation");
        if (values.containsKey(key)) {
          assertThat(values.get(key).doubleValue()).as(key).isEqualTo(node.get("value"));
          compared++;
        } else {
          // Only values the portal computes (from income tables, achievements, the registry) are
          // not.
          assertThat(map(node.get("source")).get("code")).as(key).asString().startsWith("PORTAL_");
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void xlsxRoundTripsTheValuesOfTheCsv() throws Exception {
    List<CSVRecord> csv = csv(get("/datasets/charity-finances/latest/charity-finances.csv"));
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(
            new ByteArrayInputStream(
                get("/datasets/charity-finances/latest/charity-finances.xlsx")))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows).hasSameSizeAs(csv);
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < csv.get(r).size(); c++) {
          String expected = csv.get(r).get(c);
          Cell cell = rows.get(r).getCell(c);
          if (expected.isEmpty()) {
            assertThat(cell == null || cell.getType() == CellType.EMPTY).isTrue();
          } else if (cell.getType() == CellType.NUMBER) {
            assertThat(cell.asNumber()).isEqualByComparingTo(new BigDecimal(expected));
          } else {
            assertThat(cell.getText()).isEqualTo(expected);
          }
        }
      }
      assertThat(workbook.getSheets().map(s -> s.getName()).toList())
          .containsExactly("data", "about");
    }
  }

  @Test
  void theCatalogueConformsToDcatApInTurtleAndJsonLd() {
    for (var format :
        List.of(
            Map.entry("/datasets/catalog.ttl", Lang.TURTLE),
            Map.entry("/datasets/catalog.jsonld", Lang.JSONLD))) {
      Model model = ModelFactory.createDefaultModel();
      RDFParser.fromString(
              new String(get(format.getKey()), StandardCharsets.UTF_8), format.getValue())
          .parse(model);
      ValidationReport report = DcatShapes.validate(model.getGraph());
      assertThat(report.conforms()).as(DcatShapes.describe(report)).isTrue();
      assertThat(model.size()).isGreaterThan(500);
    }
  }

  @Test
  void rangeRequestsGetPartialContent() {
    String url = "/datasets/observations/latest/observations.csv";
    byte[] whole = get(url);
    RawHttp.Response part = fetch(url, "Range", "bytes=10-29");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).hasValue("bytes 10-29/" + whole.length);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 10, 30));
  }

  @Test
  void anUnchangedFileIsRevalidatedByEtagAndDate() {
    String url = "/datasets/measures/latest/measures.csv";
    RawHttp.Response first = fetch(url);
    String etag = first.header("ETag").orElseThrow();
    // When the release was committed to the database (D19), not the package's date.
    String lastModified = first.header("Last-Modified").orElseThrow();
    assertThat(first.header("Content-Length")).hasValue(Integer.toString(first.body().length));
    assertThat(first.header("Cache-Control")).hasValue("no-cache");
    RawHttp.Response head = RawHttp.head(absolute(url).toString());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).hasValue(Integer.toString(first.body().length));
    assertThat(head.header("ETag")).hasValue(etag);
    assertThat(head.body()).isEmpty();
    assertThat(fetch(url, "If-None-Match", etag).status()).isEqualTo(304);
    assertThat(fetch(url, "If-Modified-Since", lastModified).status()).isEqualTo(304);
    assertThat(fetch(url, "If-None-Match", "\"other\"").status()).isEqualTo(200);
  }

  @Test
  void versionedFilesAreImmutableAndNamedWithTheirVersion() {
    String version = version();
    RawHttp.Response response = fetch("/datasets/observations/" + version + "/observations.xlsx");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Cache-Control")).get().asString().contains("immutable");
    assertThat(response.header("Content-Disposition"))
        .get()
        .asString()
        .startsWith("attachment; filename=\"observations-" + version + ".xlsx\"");
    assertThat(response.header("Content-Type"))
        .get()
        .asString()
        .startsWith("application/vnd.openxmlformats");
    assertThat(response.body()).isEqualTo(get("/datasets/observations/latest/observations.xlsx"));
  }

  @Test
  void clientsThatAcceptGzipGetItAndTheSameBytesUnpacked() throws Exception {
    String url = "/datasets/observations/latest/observations.json";
    byte[] plain = get(url);
    RawHttp.Response response = fetch(url, "Accept-Encoding", "gzip, deflate");
    assertThat(response.header("Content-Encoding")).hasValue("gzip");
    assertThat(response.header("Vary")).hasValue("Accept-Encoding");
    assertThat(response.body().length).isLessThan(plain.length / 3);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
    assertThat(response.header("ETag")).get().asString().endsWith("-gzip\"");
    // A range is of the file itself, so a range request is never answered compressed.
    RawHttp.Response range = fetch(url, "Accept-Encoding", "gzip", "Range", "bytes=0-9");
    assertThat(range.header("Content-Encoding")).isEmpty();
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOf(plain, 10));
  }

  @Test
  void theExcelCsvStartsWithAByteOrderMarkAndIsAlsoAtBomTrue() {
    byte[] excel = get("/datasets/measures/latest/measures-excel.csv");
    assertThat(java.util.Arrays.copyOf(excel, 3))
        .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    assertThat(get("/datasets/measures/latest/measures.csv?bom=true")).isEqualTo(excel);
    assertThat(get("/datasets/measures/latest/measures.csv")[0]).isNotEqualTo((byte) 0xEF);
  }

  @Test
  void badAddressesGetClearErrorsAndPrivateTablesAreNotThere() {
    expectError(
        "/datasets/observations/a*b/observations.csv",
        HttpStatus.BAD_REQUEST,
        "not a download address");
    expectError(
        "/datasets/observations/0.0.1/observations.csv",
        HttpStatus.NOT_FOUND,
        "no release with version 0.0.1");
    expectError(
        "/datasets/observations/latest/nothing.csv",
        HttpStatus.NOT_FOUND,
        "has no file observations/nothing.csv");
    expectError(
        "/datasets/household-microdata/latest/household-microdata.csv",
        HttpStatus.NOT_FOUND,
        "has no file");
    expectError(
        "/datasets/charity-donation-records/latest/charity-donation-records.json",
        HttpStatus.NOT_FOUND,
        "has no file");
    expectError(
        "/datasets/observations/latest/..%2F..%2Fall%2Fdatapackage.json",
        HttpStatus.BAD_REQUEST, "not a download address");
  }

  @Test
  void everyDownloadOfDemoDataSaysSo() throws Exception {
    JsonNode json = JSON.readTree(get("/datasets/observations/latest/observations.json"));
    assertThat(json.path("containsDemoData").asBoolean()).isTrue();
    assertThat(json.path("demoNote").asText()).contains("DEMO");
    assertThat(json.path("data").size()).isEqualTo(json.path("rowCount").asInt());
    List<CSVRecord> csv = csv(get("/datasets/observations/latest/observations.csv"));
    int provenance = csv.get(0).toList().indexOf("provenance");
    assertThat(csv.stream().skip(1).map(r -> r.get(provenance))).contains("DEMO", "OFFICIAL");
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(
            new ByteArrayInputStream(get("/datasets/observations/latest/observations.xlsx")))) {
      List<Row> about = workbook.findSheet("about").orElseThrow().read();
      assertThat(about.stream().map(r -> r.getCellText(1))).anyMatch(t -> t.contains("DEMO"));
    }
  }

  @Test
  void theObservationFilesHoldEveryObservationTheApiServesComputedOnesIncluded() throws Exception {
    Map<String, String> api = new java.util.TreeMap<>();
    String series = "{ nodes { period value disaggregation provenance geography { code } } }";
    for (Object node :
        graphQl
            .document(
                "{ indicators(first: 100) { nodes { code q: observations(geography:"
                    + " \"331121\", first: 100) "
                    + series
                    + " l: observations(geography: \"331100\", first: 100) "
                    + series
                    + " z: observations(geography: \"330000\", first: 100) "
                    + series
                    + " } } }")
            .execute()
            .path("indicators.nodes")
            .entityList(Object.class)
            .get()) {
      Map<String, Object> indicator = map(node);
      for (String alias : List.of("q", "l", "z")) {
        for (Map<String, Object> o : list(map(indicator.get(alias)).get("nodes"))) {
          api.put(
              String.join(
                  "|",
                  (String) indicator.get("code"),
                  (String) map(o.get("geography")).get("code"),
                  (String) o.get("period"),
                  (String) o.get("disaggregation")),
              new BigDecimal(o.get("value").toString()).stripTrailingZeros().toPlainString()
                  + " "
                  + o.get("provenance"));
        }
      }
    }
    List<CSVRecord> csv = csv(get("/datasets/observations/latest/observations.csv"));
    List<String> header = csv.get(0).toList();
    Map<String, String> file = new java.util.TreeMap<>();
    for (CSVRecord row : csv.subList(1, csv.size())) {
      file.put(
          String.join(
              "|",
              row.get(header.indexOf("indicator")),
              row.get(header.indexOf("geography")),
              row.get(header.indexOf("period")),
              row.get(header.indexOf("disaggregation"))),
          new BigDecimal(row.get(header.indexOf("value"))).stripTrailingZeros().toPlainString()
              + " "
              + row.get(header.indexOf("provenance")));
    }
    assertThat(file).isEqualTo(api);
    // The computed series are among them: income shares, the charity count, sums of achievements.
    assertThat(csv.stream().map(r -> r.get(header.indexOf("source"))))
        .contains("PORTAL_INCOME_TABLES", "PORTAL_CHARITY_REGISTRY", "PORTAL_ACHIEVEMENTS");
    JsonNode json = JSON.readTree(get("/datasets/observations/latest/observations.json"));
    assertThat(json.path("rowCount").asInt()).isEqualTo(api.size());
    assertThat(json.path("data").size()).isEqualTo(api.size());
    assertThat(
            csv(get("/datasets/observations/latest/observations.sdmx.csv")).stream()
                .skip(1)
                .count())
        .isEqualTo(api.size());
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(
            new ByteArrayInputStream(get("/datasets/observations/latest/observations.xlsx")))) {
      assertThat(workbook.getFirstSheet().read()).hasSize(api.size() + 1);
    }
    Map<String, Object> observations =
        datasets().stream()
            .filter(d -> d.get("name").equals("observations"))
            .findFirst()
            .orElseThrow();
    assertThat(observations.get("rowCount")).isEqualTo(api.size());
  }

  private void expectError(String url, HttpStatus status, String message) {
    web.get()
        .uri(absolute(url))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(String.class)
        .value(text -> assertThat(text).as(url).contains(message));
  }

  private String version() {
    return (String)
        map(graphQl.document(DATASETS).execute().path("currentRelease").entity(Map.class).get())
            .get("version");
  }

  private List<Map<String, Object>> datasets() {
    return graphQl
        .document(DATASETS)
        .execute()
        .path("datasets")
        .entityList(Object.class)
        .get()
        .stream()
        .map(DownloadsTest::map)
        .toList();
  }

  private List<Map<String, Object>> releaseFiles() {
    return list(
        map(graphQl.document(DATASETS).execute().path("currentRelease").entity(Map.class).get())
            .get("files"));
  }

  private String releaseFile(String format) {
    return (String)
        releaseFiles().stream()
            .filter(f -> f.get("format").equals(format))
            .findFirst()
            .orElseThrow()
            .get("url");
  }

  private static List<String> formats(Map<String, Object> dataset) {
    return list(dataset.get("distributions")).stream().map(f -> (String) f.get("format")).toList();
  }

  private byte[] get(String url) {
    RawHttp.Response response = fetch(url);
    assertThat(response.status()).as(url).isEqualTo(200);
    return response.body();
  }

  /** A request as any HTTP client makes it: nothing decoded or added behind the test's back. */
  private RawHttp.Response fetch(String url, String... headers) {
    return RawHttp.get(absolute(url).toString(), headers);
  }

  private java.net.URI absolute(String path) {
    return java.net.URI.create("http://localhost:" + port + path);
  }

  /** The path of an absolute download URL: the test server's port is not the configured one. */
  private static String path(String url) {
    return java.net.URI.create(url).getRawPath();
  }

  private Path unzip(byte[] zip) throws Exception {
    Path folder = Files.createDirectories(temp.resolve("zip"));
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path file = folder.resolve(entry.getName()).normalize();
        assertThat(file.startsWith(folder)).as(entry.getName()).isTrue();
        Files.createDirectories(file.getParent());
        Files.write(file, in.readAllBytes());
      }
    }
    return folder;
  }

  private static List<CSVRecord> csv(byte[] bytes) throws Exception {
    return CSVFormat.RFC4180
        .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))
        .getRecords();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static JsonSchema profile(String name) throws Exception {
    try (InputStream in =
        DownloadsTest.class.getResourceAsStream("/standards/frictionless/" + name)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
