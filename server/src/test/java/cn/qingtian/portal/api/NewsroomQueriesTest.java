package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import cn.qingtian.site.Newsroom;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.AstPrinter;
import graphql.parser.Parser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The "For newsrooms" section of docs/api.md: its twelve questions are the site's (one source,
 * {@code newsroom/questions.txt} of the site), each query answers with data from the bundled
 * release over real HTTP, and its curl, fetch and Python examples send one of them.
 */
@ApiIntegrationTest
@DatabaseTest
class NewsroomQueriesTest extends SharedDatabase {

  private static final Path DOCUMENT = Path.of("..", "docs", "api.md");
  private static final String HEADING = "\n## For newsrooms\n";
  private static final Pattern GRAPHQL = Pattern.compile("```graphql\n(.*?)\n```", Pattern.DOTALL);

  @Autowired HttpGraphQlTester graphQl;
  @LocalServerPort int port;

  @Test
  void theSectionGivesExactlyTheTwelveQuestionsOfTheSiteInTheSameOrder() throws IOException {
    String section = section();
    List<String> blocks = all(GRAPHQL, section);
    List<Newsroom.Question> questions = Newsroom.questions();
    assertThat(blocks).hasSize(12);
    assertThat(blocks).containsExactlyElementsOf(questions.stream().map(q -> q.query()).toList());
    String prose = collapse(section);
    for (int i = 0; i < questions.size(); i++) {
      Newsroom.Question question = questions.get(i);
      assertThat(prose)
          .as(question.id())
          .contains("### " + (i + 1) + ". " + question.zh() + " / " + question.en())
          .contains(collapse(question.answerEn()));
    }
  }

  @Test
  void everyQueryAnswersWithDataFromTheBundledReleaseAndFitsOneDefaultWindow() {
    for (Newsroom.Question question : Newsroom.questions()) {
      var response = graphQl.document(question.query()).execute().returnResponse();
      assertThat(response.getErrors()).as(question.id()).isEmpty();
      Map<String, Object> data = response.getData();
      assertThat(data).as(question.id()).isNotEmpty();
      data.forEach(
          (field, answer) -> assertThat(hasData(answer)).as(question.id() + " " + field).isTrue());
      Map<?, ?> cost = (Map<?, ?>) response.getExtensions().get("cost");
      // Every list counted by its size (D17): the examples cost 3 to about 720 points, each within
      // the default window of 1,000.
      assertThat((Integer) cost.get("requestedQueryCost")).as(question.id()).isBetween(1, 1_000);
    }
  }

  @Test
  void theCurlFetchAndPythonExamplesSendOneOfTheQuestions() throws IOException {
    String section = section();
    List<String> sent = new ArrayList<>();
    String shell = block("sh", section);
    Matcher body = Pattern.compile("-d '(\\{.*?\\})'").matcher(shell);
    while (body.find()) {
      sent.add(new ObjectMapper().readTree(body.group(1)).get("query").asText());
    }
    sent.addAll(all(Pattern.compile("^Q='(.*?)'$", Pattern.MULTILINE), shell));
    sent.addAll(
        all(Pattern.compile("const query = `(.*?)`;", Pattern.DOTALL), block("js", section)));
    sent.addAll(
        all(
            Pattern.compile("query = \"\"\"(.*?)\"\"\"", Pattern.DOTALL),
            block("python", section)));
    assertThat(sent).hasSize(4);
    List<String> questions = Newsroom.questions().stream().map(q -> canonical(q.query())).toList();
    for (String query : sent) {
      assertThat(questions).as(query).contains(canonical(query));
    }
    assertThat(canonical(sent.get(0))).isEqualTo(canonical(Newsroom.example().query()));
  }

  @Test
  void theGetExampleIsCachedUntilTheNextRelease() {
    String url =
        "http://localhost:"
            + port
            + "/graphql?query="
            + URLEncoder.encode(Newsroom.example().oneLine(), StandardCharsets.UTF_8);
    RawHttp.Response first = RawHttp.get(url);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.text()).contains("\"currentRelease\"").doesNotContain("\"errors\"");
    assertThat(first.header("Cache-Control")).hasValue("max-age=60, public");
    RawHttp.Response again = RawHttp.get(url, "If-None-Match", first.header("ETag").orElseThrow());
    assertThat(again.status()).isEqualTo(304);
  }

  /** Whether an answer holds anything: a connection with nodes, a non-empty list, a value. */
  private static boolean hasData(Object answer) {
    if (answer instanceof Map<?, ?> map) {
      return map.containsKey("nodes")
          ? hasData(map.get("nodes"))
          : map.values().stream().anyMatch(NewsroomQueriesTest::hasData);
    }
    if (answer instanceof Collection<?> list) {
      return list.stream().anyMatch(NewsroomQueriesTest::hasData);
    }
    return answer != null;
  }

  private static String section() throws IOException {
    String document = Files.readString(DOCUMENT);
    int start = document.indexOf(HEADING);
    assertThat(start).as("docs/api.md has a section \"## For newsrooms\"").isNotNegative();
    int end = document.indexOf("\n## ", start + HEADING.length());
    return document.substring(start, end < 0 ? document.length() : end);
  }

  private static String block(String language, String section) {
    List<String> blocks =
        all(Pattern.compile("```" + language + "\n(.*?)\n```", Pattern.DOTALL), section);
    assertThat(blocks).as(language + " example").hasSize(1);
    return blocks.get(0);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static String canonical(String query) {
    return AstPrinter.printAstCompact(Parser.parse(query));
  }

  private static String collapse(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
