package cn.qingtian.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.IntegrationTest;
import cn.qingtian.portal.PortalApplication;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Stopping the portal (SIGTERM, a rolling update) lets a request in flight finish and its client
 * get the whole answer, while the server stops accepting new connections at once. The slow request
 * is a test-only route, registered in this test's application alone. The application has no release
 * yet: it is alive but not ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@IntegrationTest
class GracefulShutdownTest {

  private static final Duration SLOW = Duration.ofSeconds(5);
  private static final CountDownLatch STARTED = new CountDownLatch(1);

  private ConfigurableApplicationContext context;
  private int port;
  private String url;

  @BeforeAll
  void start() {
    context =
        new SpringApplicationBuilder(PortalApplication.class, SlowRoute.class)
            .properties(
                "server.port=0",
                "portal.database.url=" + TestDatabases.newDatabaseUrl(),
                "portal.datasets.import-on-start=false",
                "portal.site.publish-on-release=false",
                "portal.downloads.write-on-release=false")
            .run();
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    url = "http://localhost:" + port;
  }

  @AfterAll
  void stop() {
    context.close();
  }

  @Test
  @Order(1)
  void withoutAReleaseThePortalIsAliveButNotReady() throws Exception {
    assertThat(RawHttp.get(url + "/actuator/health/liveness").status()).isEqualTo(200);
    RawHttp.Response readiness = RawHttp.get(url + "/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(503);
    JsonNode body = new ObjectMapper().readTree(readiness.text());
    assertThat(body.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
    assertThat(body.at("/components/release/status").asText()).isEqualTo("OUT_OF_SERVICE");
    assertThat(body.at("/components/database/status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(2)
  void aRequestInFlightCompletesWhileNewConnectionsAreRefused() throws Exception {
    CompletableFuture<RawHttp.Response> inFlight =
        CompletableFuture.supplyAsync(() -> RawHttp.get(url + "/test/slow"));
    assertThat(STARTED.await(30, TimeUnit.SECONDS)).isTrue();

    connect(port); // accepted while serving
    long closing = System.nanoTime();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
    awaitRefused(port);
    assertThat(inFlight).as("refused new connections before the slow answer").isNotDone();

    RawHttp.Response answer = inFlight.get(30, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("finished");
    closed.get(30, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - closing))
        .as("the context waited for the request, not for the 20 s limit")
        .isLessThan(Duration.ofSeconds(15));
    assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
  }

  /** Waits (up to the slow request's time) until a new connection is refused. */
  private static void awaitRefused(int port) {
    await("the server refuses new connections while shutting down")
        .atMost(SLOW)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              try {
                connect(port);
                return false;
              } catch (IOException refused) {
                return true;
              }
            });
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }

  /** A route that answers after {@link #SLOW}, first of all routes; not a component. */
  static class SlowRoute {

    @Bean
    @org.springframework.core.annotation.Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> slowRoute() {
      return RouterFunctions.route(
          RequestPredicates.GET("/test/slow"),
          request ->
              Mono.fromRunnable(STARTED::countDown)
                  .then(Mono.delay(SLOW))
                  .then(ServerResponse.ok().bodyValue("finished")));
    }
  }
}
