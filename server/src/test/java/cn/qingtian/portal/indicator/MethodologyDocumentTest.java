package cn.qingtian.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/methodology.md matches the code and the data. */
class MethodologyDocumentTest {

  private static final Path DOCUMENT = Path.of("..", "docs", "methodology.md");

  @Test
  void listsExactlyTheTargetsThatAreNotAssessable() throws Exception {
    String section = Files.readString(DOCUMENT).split("## Targets that are NOT_ASSESSABLE")[1];
    Matcher codes = Pattern.compile("\\| `([A-Z0-9_]+)` \\|").matcher(section);
    List<String> listed = codes.results().map(m -> m.group(1)).toList();

    Table targets =
        PackageValidator.validate(PackageFixture.BUNDLED).valid().orElseThrow().tables().stream()
            .filter(t -> t.name().equals("targets"))
            .findFirst()
            .orElseThrow();
    int reason = targets.schema().indexOf("unmeasurable_reason_en");
    List<String> unmeasurable =
        targets.rows().stream()
            .filter(r -> r.get(reason) != null)
            .map(r -> (String) r.get(0))
            .toList();

    assertThat(listed).isNotEmpty().containsExactlyInAnyOrderElementsOf(unmeasurable);
  }

  @Test
  void statesTheThresholdsTheCodeUses() throws Exception {
    String text = Files.readString(DOCUMENT);
    assertThat(text)
        .contains("R ≥ " + ProgressCalculator.ON_TRACK)
        .contains("0.60 ≤ R")
        .contains("1.5 %", "0.5 %")
        .contains("A − B ≥ −0.5 percentage points", "down to −2 percentage points");
    assertThat(ProgressCalculator.MODERATE).isEqualTo(0.60);
    assertThat(ProgressCalculator.DIRECTION_SUBSTANTIAL).isEqualTo(0.015);
    assertThat(ProgressCalculator.DIRECTION_MODERATE).isEqualTo(0.005);
    assertThat(ProgressCalculator.IN_STEP_ON_TRACK).isEqualTo(-0.005);
    assertThat(ProgressCalculator.IN_STEP_LIMITED).isEqualTo(-0.02);
  }
}
