package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Names from data as path segments: what passes, and that nothing leaves its root. */
class SafePathsTest {

  private final Path root = Path.of("/srv/portal/downloads");

  @Test
  void versionsResourceNamesAndCodesThePortalUsesAreSafe() {
    for (String name :
        new String[] {
          "1.6.0", "1.6.0+demo.1.4.0", "1.6.0+rollback.2", "observations", "charity_grants", "TG1"
        }) {
      assertThat(SafePaths.isSafeName(name)).as(name).isTrue();
    }
    assertThat(SafePaths.inside(root, "observations", "1.6.0", "observations.csv"))
        .isEqualTo(Path.of("/srv/portal/downloads/observations/1.6.0/observations.csv"));
  }

  @Test
  void namesThatCouldLeaveTheRootAreRefused() {
    for (String name :
        new String[] {
          "..",
          ".",
          "",
          "../x",
          "9.9.9/../..",
          "a/b",
          "a\\b",
          "..hidden",
          ".env",
          "-rf",
          "a..b",
          "x".repeat(101),
          "名字",
          "a b",
          "C:x"
        }) {
      assertThat(SafePaths.isSafeName(name)).as(name).isFalse();
      assertThatThrownBy(() -> SafePaths.inside(root, "datasets", name))
          .isInstanceOf(SafePaths.UnsafePathException.class);
    }
  }
}
