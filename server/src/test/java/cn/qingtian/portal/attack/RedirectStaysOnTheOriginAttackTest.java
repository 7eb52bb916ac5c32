package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attack finding 8 (docs/reliability.md): {@code GET //evil.example/..%2fen} was answered {@code
 * 301 Location: //evil.example/..%2fen/}, which a browser reads as another host. The trailing-slash
 * redirect of the site must never leave the origin, whatever the path: a link to the portal cannot
 * be turned into a link that lands elsewhere.
 */
@Tag("attack")
@ApiIntegrationTest
class RedirectStaysOnTheOriginAttackTest extends StaticSite {

  @LocalServerPort int port;

  @Test
  void noRedirectLeadsToAnotherHost() throws Exception {
    URI origin = URI.create("http://localhost:" + port + "/");
    List<String> attacks =
        List.of(
            "//evil.example/..%2fen",
            "//evil.example/%2e%2e%2fen",
            "///evil.example/..%2fen",
            "/%2fevil.example/..%2fen",
            "/%5cevil.example/..%2fen",
            "/%5c%5cevil.example/..%2fen",
            "//evil.example%2f..%2fen",
            "//evil.example:80/..%2fen");
    for (String path : attacks) {
      RawSocketHttp.Answer answer = RawSocketHttp.exchange(port, "GET", path);
      String location = answer.header("Location");
      if (location == null) {
        assertThat(answer.status()).as(path).isIn(200, 400, 404);
        continue;
      }
      assertThat(location)
          .as("Location of %s", path)
          .doesNotStartWith("//")
          .doesNotContain("\\")
          .doesNotStartWith("/\\");
      URI target = new URI("http://localhost:" + port + path).resolve(location);
      assertThat(target.getScheme() + "://" + target.getAuthority())
          .as("where %s redirects (%s)", path, location)
          .isEqualTo(origin.getScheme() + "://" + origin.getAuthority());
    }
  }

  @Test
  void aFolderWithoutItsSlashStillRedirectsToItself() throws Exception {
    RawSocketHttp.Answer answer = RawSocketHttp.exchange(port, "GET", "/en");
    assertThat(answer.status()).isEqualTo(301);
    URI target = URI.create("http://localhost:" + port + "/en").resolve(answer.header("Location"));
    assertThat(target).isEqualTo(URI.create("http://localhost:" + port + "/en/"));
    assertThat(RawSocketHttp.exchange(port, "GET", target.getRawPath()).body()).contains("Home");
  }
}
