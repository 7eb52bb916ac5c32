package cn.qingtian.portal.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.release.CurrentRelease;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * {@code achievementPublished} over graphql-ws and over SSE: an import that adds an achievement
 * reaches both subscribers, resolved against the release that published it.
 */
@ApiIntegrationTest
@DatabaseTest
class AchievementSubscriptionTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String SUBSCRIPTION =
      "subscription { achievementPublished { code title(lang: EN) provenance"
          + " measures { code } departments { code } source { code title } } }";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @LocalServerPort int port;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease currentRelease;
  @Autowired AchievementPublisher publisher;

  @Test
  void anImportThatAddsAnAchievementReachesWebSocketAndSseSubscribers() throws Exception {
    currentRelease.refresh().block();
    WebSocketGraphQlTester webSocket =
        WebSocketGraphQlTester.builder(
                URI.create("ws://localhost:" + port + "/graphql"),
                new ReactorNettyWebSocketClient())
            .build();
    // Everything published until 3 seconds after the first event (a release's achievements are
    // announced together), or nothing within 30 seconds: a busy machine may import slowly.
    CompletableFuture<List<Map<String, Object>>> overWebSocket =
        webSocket
            .document(SUBSCRIPTION)
            .executeSubscription()
            .toFlux("achievementPublished", Map.class)
            .map(AchievementSubscriptionTest::stringKeys)
            .publish(
                events -> events.takeUntilOther(events.next().delayElement(Duration.ofSeconds(3))))
            .take(Duration.ofSeconds(30))
            .collectList()
            .toFuture();
    CompletableFuture<String> overSse =
        WebClient.create("http://localhost:" + port)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .bodyValue(Map.of("query", SUBSCRIPTION))
            .retrieve()
            .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .filter(event -> "next".equals(event.event()))
            .map(ServerSentEvent::data)
            .next()
            .toFuture();
    await("both subscriptions are registered before the release changes")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> publisher.subscribers() == 2);

    Path plan =
        PackageFixture.copyOfBundled(temp)
            .version("9.2.0")
            .appendLine(
                "sources.csv",
                "TEST_BULLETIN_2025,测试：县人力社保局2025年工作通报,青田县人力社保局,https://example.org/bulletin,"
                    + "2025-12-20,,A source that only the new release has")
            .appendLine(
                "achievements.csv",
                "QT_TEST_STUDIOS_2025,2025,2025-12-20,测试：2025年新建技能大师工作室3个,"
                    + "Test: 3 new skill master studios in 2025,测试摘要,Test summary,OFFICIAL,"
                    + "TEST_BULLETIN_2025")
            .appendLine("achievement_measures.csv", "QT_TEST_STUDIOS_2025,qt-kzt-2021-2025,G01")
            .appendLine("achievement_departments.csv", "QT_TEST_STUDIOS_2025,HRSS")
            .appendLine(
                "achievement_outputs.csv",
                "QT_TEST_STUDIOS_2025,1,新建技能大师工作室,New skill master studios,EQ,3,个,studios,"
                    + "SKILL_MASTER_STUDIOS_NEW,PROGRESS")
            .directory();
    importer.importPackage(
        PackageValidator.validate(List.of(plan, PackageFixture.DEMO)).valid().orElseThrow(),
        false,
        null,
        m -> {});

    List<Map<String, Object>> all = overWebSocket.get(40, TimeUnit.SECONDS);
    assertThat(all).as("only the added achievement, not those the release before had").hasSize(1);
    Map<String, Object> published = all.get(0);
    assertThat(published)
        .containsEntry("code", "QT_TEST_STUDIOS_2025")
        .containsEntry("title", "Test: 3 new skill master studios in 2025")
        .containsEntry("provenance", "OFFICIAL")
        .containsEntry("measures", List.of(Map.of("code", "G01")))
        .containsEntry("departments", List.of(Map.of("code", "HRSS")));
    assertThat(published.get("source"))
        .isEqualTo(Map.of("code", "TEST_BULLETIN_2025", "title", "测试：县人力社保局2025年工作通报"));

    String event = overSse.get(40, TimeUnit.SECONDS);
    assertThat(event).contains("QT_TEST_STUDIOS_2025").contains("TEST_BULLETIN_2025");
    webSocket.stop().block(Duration.ofSeconds(5)); // closes the connection
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
