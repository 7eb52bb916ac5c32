package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The portal serves the current site build at {@code /}, and only files inside it. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteServingTest extends SharedSite {

  @Autowired WebTestClient web;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** The portal publishes the site by itself when it starts serving a release. */
  @BeforeAll
  void waitForTheAutomaticBuild() {
    await("the portal publishes the site by itself")
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(() -> Files.isRegularFile(SITE.resolve("index.html")));
    assertThat(SITE).isSymbolicLink();
  }

  @Test
  void aMirrorBuiltOverHttpIsIdenticalToTheSiteBuiltInProcess() {
    Path mirror = SITE.resolveSibling("mirror");
    var transport =
        new cn.qingtian.site.HttpGraphQlTransport(
            URI.create("http://localhost:" + port + "/graphql"));
    new cn.qingtian.site.SiteGenerator(
            transport, cn.qingtian.site.SiteSettings.defaults(), message -> {})
        .withExtraFiles(
            new cn.qingtian.site.MirroredDownloads(
                transport, URI.create("http://localhost:" + port + "/")))
        .publish(mirror);
    // Pages, assets and the download files of every release, byte for byte.
    assertThat(SiteFiles.digests(mirror)).isEqualTo(SiteFiles.digests(SITE));
    assertThat(mirror.resolve("datasets/observations/latest/observations.csv")).isRegularFile();
  }

  @Test
  void aFailedBuildLeavesThePublishedSiteAsItWas() {
    var before = SiteFiles.digests(SITE);
    var failing =
        new cn.qingtian.site.SiteGenerator(
            (document, variables) -> {
              throw new cn.qingtian.site.SiteException("the API went away");
            },
            cn.qingtian.site.SiteSettings.defaults(),
            message -> {});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.publish(SITE))
        .hasMessageContaining("the API went away");
    assertThat(SiteFiles.digests(SITE)).isEqualTo(before);
  }

  @Test
  void servesTheHomePageAndFolderPages() {
    web.get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("<html lang=\"zh-CN\">"));
    web.get().uri("/en/measures/P13/").exchange().expectStatus().isOk();
    web.get()
        .uri("/assets/site.css")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.valueOf("text/css"));
    web.get()
        .uri("/en/feeds/achievements.xml")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.valueOf("application/atom+xml"));
  }

  @Test
  void addsTheTrailingSlashRelativeLinksNeed() {
    web.get()
        .uri("/indicators/GDP")
        .exchange()
        .expectStatus()
        .isEqualTo(301)
        .expectHeader()
        // Relative to the request, so that no path can make it lead off the portal
        // (docs/reliability.md, attack finding 8).
        .location("./GDP/");
  }

  @Test
  void answersUnknownPathsWithTheSitesOwn404Page() {
    web.get()
        .uri("/no/such/page/")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("找不到页面"));
  }

  @Test
  void neverServesAFileOutsideTheBuild() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String path :
        List.of(
            "/../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2F..%2Fetc%2Fpasswd",
            "/assets/..%2f..%2f..%2f..%2f..%2fetc/passwd",
            "/%2Fetc%2Fpasswd")) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).as(path).doesNotContain("root:x:0:0");
      assertThat(response.statusCode()).as(path).isIn(301, 400, 404);
    }
  }

  @Test
  void leavesTheApiGraphiqlAndDownloadsWhereTheyAre() {
    web.get()
        .uri("/graphiql")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("graphiql.min.js"));
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"query\":\"{ currentRelease { number } }\"}")
        .exchange()
        .expectStatus()
        .isOk();
    web.get()
        .uri("/datasets/charity-grants/latest/charity-grants.360giving.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
  }
}
