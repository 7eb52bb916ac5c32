package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --from} against a portal that answers with a release version no folder may have
 * (docs/reliability.md, second-round finding G): the build stops and says so, instead of finishing
 * with pages that link to download folders it never wrote.
 */
class MirroredDownloadsTest {

  @TempDir Path temp;

  @Test
  void aReleaseVersionThatIsNoFolderNameStopsTheBuildAndWritesNothing() throws IOException {
    String hostile =
        """
        {"currentRelease": {"version": "1.0.0"},
         "releases": {"pageInfo": {"hasNextPage": false, "endCursor": null},
                      "nodes": [{"version": "../../escaped", "datasets": [], "files": []}]}}
        """;
    Path build = Files.createDirectories(temp.resolve("out").resolve("build"));
    MirroredDownloads mirror =
        new MirroredDownloads((document, variables) -> hostile, URI.create("http://127.0.0.1:9/"));

    assertThatThrownBy(() -> mirror.writeInto(build))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("未镜像下载文件")
        .hasMessageContaining("no safe folder or file name")
        .hasMessageEndingWith("../../escaped");
    try (Stream<Path> written = Files.walk(temp)) {
      assertThat(written.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
