package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attack finding 13a (docs/reliability.md): {@code HEAD} answered 404 for every page, asset and
 * GraphiQL, so link checkers, download managers and monitors that ask with {@code HEAD} saw a
 * broken portal. {@code HEAD} answers as {@code GET} does, with the same status and headers and no
 * body.
 */
@Tag("attack")
@ApiIntegrationTest
class HeadAnswersLikeGetAttackTest extends StaticSite {

  @LocalServerPort int port;

  @Test
  void headHasTheStatusAndHeadersOfGetAndNoBody() throws Exception {
    List<String> targets =
        List.of(
            "/",
            "/en/",
            "/en",
            "/assets/site.css",
            "/no-such-page",
            "/graphiql",
            "/graphql/schema.graphqls",
            "/graphql?query=%7B__typename%7D",
            "/datasets/catalog.ttl",
            "/datasets/observations/latest/observations.csv",
            "/actuator/health/liveness");
    for (String target : targets) {
      RawSocketHttp.Answer get = RawSocketHttp.exchange(port, "GET", target);
      RawSocketHttp.Answer head = RawSocketHttp.exchange(port, "HEAD", target);
      assertThat(head.status()).as("HEAD %s", target).isEqualTo(get.status());
      for (String header : List.of("Content-Type", "Location", "ETag", "Cache-Control")) {
        assertThat(head.header(header))
            .as("%s of HEAD %s", header, target)
            .isEqualTo(get.header(header));
      }
      assertThat(head.body()).as("body of HEAD %s", target).isEmpty();
    }
    assertThat(RawSocketHttp.exchange(port, "HEAD", "/").status()).isEqualTo(200);
    assertThat(RawSocketHttp.exchange(port, "HEAD", "/graphiql").status()).isEqualTo(200);
  }
}
