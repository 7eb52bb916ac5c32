package cn.qingtian.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.IntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} every log line is one JSON object (Elastic
 * Common Schema) naming the service, and the portal's own events carry their figures as fields: a
 * log collector needs no pattern to read them.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "logging.structured.format.console=ecs",
      "portal.site.publish-on-release=false",
      "portal.downloads.write-on-release=false"
    })
@IntegrationTest
class StructuredLogsTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLineIsJsonWithTimestampLevelMessageAndServiceName(CapturedOutput output) {
    List<JsonNode> lines = jsonLines(output);
    assertThat(lines).isNotEmpty();
    for (JsonNode line : lines) {
      assertThat(line.path("@timestamp").asText()).as(line.toString()).isNotBlank();
      assertThat(line.at("/log/level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
      assertThat(line.has("message")).isTrue();
      assertThat(line.at("/service/name").asText()).isEqualTo("qingtian-portal");
    }
  }

  @Test
  void theStartUpImportAndTheReleaseServedAreOneLineEachWithTheirFields(CapturedOutput output) {
    List<JsonNode> lines = jsonLines(output);
    JsonNode imported =
        lines.stream()
            .filter(l -> l.path("message").asText().startsWith("Start-up import: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no import line in\n" + output));
    assertThat(imported.at("/portal/import/outcome").asText()).isIn("published", "unchanged");
    assertThat(imported.at("/portal/import/duration_ms").isNumber()).isTrue();
    assertThat(
            lines.stream()
                .map(l -> l.path("message").asText())
                .filter(m -> m.startsWith("Serving release #1 (")))
        .hasSize(1);
  }

  /**
   * The lines written once the portal's logging was set up: everything from the first JSON line on
   * (Spring's test framework logs a few plain lines before), every one of which must parse.
   */
  private static List<JsonNode> jsonLines(CapturedOutput output) {
    String all = output.getOut();
    int first = all.indexOf("{\"@timestamp\"");
    assertThat(first).as("a JSON log line in\n" + all).isNotNegative();
    return all.substring(first)
        .lines()
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              try {
                return JSON.readTree(line);
              } catch (IOException e) {
                throw new UncheckedIOException("not a JSON log line: " + line, e);
              }
            })
        .toList();
  }
}
