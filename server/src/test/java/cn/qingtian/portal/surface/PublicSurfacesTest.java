package cn.qingtian.portal.surface;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import cn.qingtian.portal.database.JdbcConnections;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.site.SiteBuildScheduler;
import cn.qingtian.portal.surface.Violation.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks every public surface of the bundled release, the API, every page of both languages with its
 * meta tags and accessible texts, the feeds, the static search index and every download in every
 * format, and fails on a DEMO value or text written from DEMO values without its label, a figure of
 * fewer than 10 contributors, a household of the private microdata, or a value without a source
 * (docs/disclosure-control.md, "How it is checked"). What it looks for is read from the release's
 * own data; each planted defect below shows that the walk would catch it.
 */
@ApiIntegrationTest
// The audit asks for every indicator with every observation and revision in one query, which the
// cost model (sized by each list's declared maximum) prices far above a client's limit.
@TestPropertySource(properties = "portal.api.limits.max-nodes=100000000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSurfacesTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOCUMENTS = Path.of("src/test/resources/graphql-test/surfaces");
  private static final List<String> LABELS =
      List.of(
          "演示数据（DEMO）：",
          "本页含演示数据（DEMO）。",
          "数据含演示数据（DEMO）。",
          "DEMO data (synthetic): ",
          "This page shows DEMO data (synthetic). ",
          "Its data include DEMO data (synthetic). ");

  @Autowired SiteBuildScheduler publishing;
  @Autowired CurrentRelease currentRelease;
  @Autowired JdbcConnections database;
  @Autowired WebTestClient web;

  @TempDir static Path temp;
  private Path site;
  private final Map<String, JsonNode> answers = new LinkedHashMap<>();
  private SurfaceRules rules;
  private ReleaseFacts facts;

  @BeforeAll
  void publishAndAsk() throws Exception {
    Release release = currentRelease.refresh().block();
    site = temp.resolve("site");
    publishing.publish(release, site, message -> {});
    site = site.toRealPath();
    for (String name : List.of("plan", "indicators", "registers", "releases")) {
      answers.put(name, ask(name, Map.of()));
    }
    for (JsonNode table : ask("income", Map.of("year", 2020)).at("/disclosureReport/tables")) {
      int year = table.path("year").asInt();
      answers.putIfAbsent("income " + year, ask("income", Map.of("year", year)));
    }
    for (String query : List.of("收入", "慈善", "就业", "养老", "income", "charity", "DEMO")) {
      for (String lang : List.of("ZH", "EN")) {
        answers.put(
            "search " + query + " " + lang, ask("search", Map.of("query", query, "lang", lang)));
      }
    }
    facts =
        ReleaseFacts.read(
            database,
            release.number(),
            List.of(PackageFixture.BUNDLED, PackageFixture.DEMO),
            demoSentences());
    rules = new SurfaceRules(facts);
  }

  @Test
  void noPublicSurfaceShowsAnUnlabelledDemoValueASmallFigureAHouseholdOrAValueWithoutASource()
      throws Exception {
    // The audit only means something if the release holds what it looks for.
    assertThat(facts.demoNumbers()).hasSizeGreaterThan(300);
    assertThat(facts.demoSentences()).hasSizeGreaterThan(100);
    assertThat(facts.withheldFigures()).isNotEmpty();
    assertThat(facts.households()).hasSizeGreaterThan(1000);

    Map<String, Integer> unitsByKind = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    answers.forEach(
        (name, data) -> {
          List<Unit> units = Surfaces.json("graphql " + name, data);
          unitsByKind.merge("graphql", units.size(), Integer::sum);
          units.forEach(unit -> violations.addAll(rules.check(unit)));
        });
    for (Path file : files(site)) {
      String name = site.relativize(file).toString();
      List<Unit> units = Surfaces.of(name, Files.readAllBytes(file));
      unitsByKind.merge(kind(name), units.size(), Integer::sum);
      units.forEach(unit -> violations.addAll(rules.check(unit)));
    }

    for (String kind :
        List.of("graphql", "page", "feed", "search index", "csv", "json", "xlsx", "zip", "ttl")) {
      assertThat(unitsByKind.getOrDefault(kind, 0)).as("units walked in " + kind).isPositive();
    }
    assertThat(violations).as(report(violations)).isEmpty();
  }

  @Test
  void theApiQueriesReachEveryTypeThatHoldsANumberOrAGeneratedText() throws Exception {
    GraphQLSchema schema =
        UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser().parse(Files.readString(Path.of("..", "schema.graphqls"))));
    Set<String> reached = new TreeSet<>();
    try (Stream<Path> documents = Files.list(DOCUMENTS)) {
      for (Path document : documents.toList()) {
        QueryTraverser.newQueryTraverser()
            .schema(schema)
            .document(Parser.parse(Files.readString(document)))
            .variables(Map.of("year", 2020, "query", "收入", "lang", "ZH"))
            .build()
            .visitPreOrder(
                new QueryVisitorStub() {
                  @Override
                  public void visitField(QueryVisitorFieldEnvironment field) {
                    reached.add(GraphQLTypeUtil.unwrapAll(field.getFieldsContainer()).getName());
                  }
                });
      }
    }
    Set<String> holding = new TreeSet<>();
    for (GraphQLType type : schema.getAllTypesAsList()) {
      if (type instanceof GraphQLObjectType object
          && !object.getName().startsWith("__")
          && !NOT_DATA.contains(object.getName())
          && object.getFieldDefinitions().stream().anyMatch(PublicSurfacesTest::holdsData)) {
        holding.add(object.getName());
      }
    }
    assertThat(reached).containsAll(holding);
  }

  @Test
  void everyRowThatBelongsToARecordWithAProvenanceCarriesItToo() throws Exception {
    // Otherwise a file row of a DEMO achievement's output, say, holds a DEMO value with no label
    // (and the audit, which reads DEMO values by the provenance column, would not see it).
    Map<String, JsonNode> resources = new LinkedHashMap<>();
    try (var connection = database.open();
        var statement =
            connection.prepareStatement(
                "select resources::text from release order by id desc limit 1");
        var result = statement.executeQuery()) {
      result.next();
      for (JsonNode resource : JSON.readTree(result.getString(1))) {
        if (!"private".equals(resource.path("access").asText())) {
          resources.put(resource.path("name").asText(), resource);
        }
      }
    }
    List<String> unlabelled = new ArrayList<>();
    resources.forEach(
        (name, resource) -> {
          for (JsonNode key : resource.at("/schema/foreignKeys")) {
            JsonNode parent = resources.get(key.at("/reference/resource").asText());
            if (parent != null && hasProvenance(parent) && !hasProvenance(resource)) {
              unlabelled.add(name + " → " + parent.path("name").asText());
            }
          }
        });
    assertThat(unlabelled).isEmpty();
    for (String derived :
        List.of("income_cells", "income_statistics", "disclosure_reports", "charity_donations")) {
      assertThat(hasProvenance(resources.get(derived))).as(derived).isTrue();
    }
  }

  private static boolean hasProvenance(JsonNode resource) {
    for (JsonNode field : resource.at("/schema/fields")) {
      if (field.path("name").asText().equals("provenance")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aMetaDescriptionWithoutItsLabelIsFound() throws Exception {
    Path page = site.resolve("indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html");
    assertFound(
        page,
        html -> {
          Document document = Jsoup.parse(html);
          Element description = document.selectFirst("meta[name=description]");
          description.attr("content", unlabelled(description.attr("content")));
          return document.outerHtml();
        },
        Rule.UNLABELLED_DEMO,
        "meta description");
  }

  @Test
  void aChartDescriptionWithoutItsLabelIsFound() throws Exception {
    Path page = site.resolve("en/indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html");
    assertFound(
        page,
        html -> {
          Document document = Jsoup.parse(html);
          Element description = document.selectFirst("svg desc");
          description.text(unlabelled(description.text()));
          return document.outerHtml();
        },
        Rule.UNLABELLED_DEMO,
        "desc");
  }

  @Test
  void aFeedEntryWithoutItsLabelIsFound() throws Exception {
    assertFound(
        site.resolve("feeds/achievements.xml"),
        xml -> {
          int start = xml.indexOf("<entry>");
          int end = xml.indexOf("</entry>", start);
          return xml.substring(0, start)
              + unlabelled(xml.substring(start, end)).replace("DEMO", "")
              + xml.substring(end);
        },
        Rule.UNLABELLED_DEMO,
        "entry");
  }

  @Test
  void aSearchResultWithoutItsLabelIsFound() throws Exception {
    assertFound(
        site.resolve("search/index.json"),
        json -> {
          // An achievement's document: its title and text are DEMO themselves.
          int label = json.indexOf("演示数据（DEMO）：", json.indexOf("[\"ACHIEVEMENT\""));
          return json.substring(0, label) + json.substring(label + "演示数据（DEMO）：".length());
        },
        Rule.UNLABELLED_DEMO,
        "$.docs");
  }

  @Test
  void anXlsxRowWhoseDemoValueLostItsLabelIsFound() throws Exception {
    Path xlsx =
        files(site).stream()
            .filter(f -> f.toString().endsWith("/latest/observations.xlsx"))
            .findFirst()
            .orElseThrow();
    List<Unit> original = Surfaces.of("observations.xlsx", Files.readAllBytes(xlsx));
    assertThat(original.stream().flatMap(u -> rules.check(u).stream())).isEmpty();
    Unit demo =
        original.stream()
            .filter(u -> "DEMO".equals(u.columns().get("provenance")))
            .filter(
                u ->
                    Numbers.in(u.columns().get("value")).stream()
                        .anyMatch(facts.demoNumbers()::contains))
            .findFirst()
            .orElseThrow();
    // The same row written to a workbook with every DEMO in it (provenance, notes) gone.
    ByteArrayOutputStream planted = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(planted, "audit", "1.0");
    Worksheet sheet = workbook.newWorksheet("observations");
    List<String> header = new ArrayList<>(demo.columns().keySet());
    for (int c = 0; c < header.size(); c++) {
      String column = header.get(c);
      String value = demo.columns().get(column);
      sheet.value(0, c, column);
      sheet.value(1, c, column.equals("value") ? value : value.replace("DEMO", "OFFICIAL"));
    }
    workbook.finish();
    assertThat(
            Surfaces.of("observations.xlsx", planted.toByteArray()).stream()
                .flatMap(u -> rules.check(u).stream()))
        .anySatisfy(v -> assertThat(v.rule()).isEqualTo(Rule.UNLABELLED_DEMO));
  }

  @Test
  void aSmallCountAHouseholdAndARowWithoutASourceAreFound() {
    String household = facts.households().iterator().next();
    List<Violation> found = new ArrayList<>();
    for (String csv :
        List.of(
            "charity,year,field,donors,total,withheld,provenance,source\n"
                + "C1,2024,HEALTH,3,,false,OFFICIAL,PORTAL_ACHIEVEMENTS\n",
            "indicator,value,provenance,source\nX,1,OFFICIAL,\n")) {
      Surfaces.of("planted.csv", csv.getBytes(StandardCharsets.UTF_8))
          .forEach(unit -> found.addAll(rules.check(unit)));
    }
    Surfaces.of("planted.html", ("<p>住户 " + household + "</p>").getBytes(StandardCharsets.UTF_8))
        .forEach(unit -> found.addAll(rules.check(unit)));
    assertThat(found.stream().map(Violation::rule))
        .containsExactlyInAnyOrder(Rule.FEWER_THAN_TEN, Rule.NO_SOURCE, Rule.HOUSEHOLD);
  }

  /** Types whose numbers are about the API or the files themselves, not the plan's data. */
  private static final Set<String> NOT_DATA =
      Set.of(
          "PageInfo",
          "RateLimit",
          "Distribution",
          "Query",
          "Subscription",
          // positions in the document's lists of responsible units
          "ResponsibleUnitEdge",
          "DepartmentMeasureEdge");

  private static boolean holdsData(GraphQLFieldDefinition field) {
    String type = GraphQLTypeUtil.unwrapAll(field.getType()).getName();
    return type.equals("Float")
        || type.equals("Int") && !field.getName().equals("totalCount")
        || Set.of("summary", "snippet", "reason", "note", "footnote", "rules", "method")
            .contains(field.getName());
  }

  private void assertFound(Path file, UnaryOperator<String> plant, Rule rule, String where)
      throws Exception {
    String name = site.relativize(file).toString();
    String text = Files.readString(file);
    assertThat(
            Surfaces.of(name, text.getBytes(StandardCharsets.UTF_8)).stream()
                .flatMap(u -> rules.check(u).stream()))
        .as("the file as published")
        .isEmpty();
    String planted = plant.apply(text);
    assertThat(planted).isNotEqualTo(text);
    assertThat(
            Surfaces.of(name, planted.getBytes(StandardCharsets.UTF_8)).stream()
                .flatMap(u -> rules.check(u).stream()))
        .anySatisfy(
            v -> {
              assertThat(v.rule()).isEqualTo(rule);
              assertThat(v.where()).contains(where);
            });
  }

  private static String unlabelled(String text) {
    for (String label : LABELS) {
      text = text.replace(label, "");
    }
    return text.replace("（DEMO）", "").replace("DEMO", "");
  }

  /** The sentences the API wrote from DEMO values, and DEMO records' own texts, unlabelled. */
  private Set<String> demoSentences() {
    Set<String> sentences = new LinkedHashSet<>();
    for (JsonNode progress : answers.get("indicators").findValues("progress")) {
      if ("DEMO".equals(progress.path("provenance").asText())) {
        sentences.add(signature(progress.path("summary").asText()));
        sentences.add(signature(progress.path("summaryEn").asText()));
      }
    }
    for (JsonNode achievement : answers.get("registers").at("/achievements/nodes")) {
      if ("DEMO".equals(achievement.path("provenance").asText())) {
        for (String field : List.of("title", "titleEn", "summary", "summaryEn")) {
          sentences.add(signature(achievement.path(field).asText()));
        }
      }
    }
    sentences.remove("");
    return sentences;
  }

  /**
   * The start of a text without its label: enough to recognise it, short enough to survive cuts.
   */
  private static String signature(String text) {
    String bare = unlabelled(text).strip();
    return bare.length() < 12 ? "" : bare.substring(0, Math.min(30, bare.length()));
  }

  private JsonNode ask(String document, Map<String, Object> variables) throws Exception {
    String body =
        web.mutate()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
            .build()
            .post()
            .uri("/graphql")
            .bodyValue(
                Map.of(
                    "query",
                    Files.readString(DOCUMENTS.resolve(document + ".graphql")),
                    "variables",
                    variables))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JsonNode answer = JSON.readTree(body);
    assertThat(answer.path("errors").isMissingNode()).as(document + ": " + body).isTrue();
    return answer.path("data");
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String kind(String name) {
    if (name.startsWith("feeds/")) {
      return "feed";
    }
    if (name.endsWith("search/index.json")) {
      return "search index";
    }
    if (name.endsWith(".html")) {
      return "page";
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "other" : name.substring(dot + 1);
  }

  private static String report(List<Violation> violations) {
    StringBuilder report = new StringBuilder(violations.size() + " violations");
    violations.stream().limit(40).forEach(v -> report.append('\n').append(v));
    return report.toString();
  }
}
