package cn.qingtian.portal;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Answers in these tests take milliseconds, but CI runs them on 2 busy cores while a release's
 * search index is being built: a 5-second client timeout there fails a test for no fault of the
 * portal. The GraphQL tester waits up to 30 seconds instead (the WebTestClient is configured by
 * {@code spring.test.webtestclient.timeout} in {@link ApiIntegrationTest}).
 */
@TestConfiguration(proxyBeanMethods = false)
class SlowMachineTimeouts {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Bean
  HttpGraphQlTester httpGraphQlTester(ApplicationContext context, WebTestClient web) {
    WebTestClient client =
        web.mutate()
            .uriBuilderFactory(
                LocalTestWebServer.get(context).withPath("/graphql").uriBuilderFactory())
            .responseTimeout(TIMEOUT)
            .build();
    return HttpGraphQlTester.builder(client.mutate()).responseTimeout(TIMEOUT).build();
  }
}
