package cn.qingtian.portal.web;

import cn.qingtian.portal.ratelimit.RateLimitProperties;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.graphql.ExecutionGraphQlService;

/**
 * How requests are served over HTTP: {@code HEAD} as {@code GET}, the actuator's links from the
 * public address, a bound on open connections (per address too) and on requests in flight; for
 * {@code /graphql}, its timeout, a 503 while the database cannot be reached, a 400 for a POST
 * without a body, and its response cache when it is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties({
  ResponseCacheProperties.class,
  ApiProperties.class,
  HttpProperties.class
})
class GraphQlServing {

  @Bean
  RequestTimeout requestTimeout(ApiProperties api, HttpProperties http) {
    return new RequestTimeout(api.requestTimeout(), http.responseStartTimeout());
  }

  @Bean
  InFlightLimit inFlightLimit(HttpProperties http) {
    return new InFlightLimit(
        http.maxInFlight(), (int) Math.max(1, http.overloadRetryAfter().toSeconds()));
  }

  @Bean
  ConnectionLimit connectionLimit(HttpProperties http, RateLimitProperties rateLimit) {
    return new ConnectionLimit(
        http.maxConnections(),
        http.maxConnectionsPerAddress(),
        http.firstRequestTimeout(),
        Set.copyOf(rateLimit.trustedProxies()));
  }

  @Bean
  HeadAsGet headAsGet() {
    return new HeadAsGet();
  }

  /**
   * The public address is the downloads' base URL, else the site's: two features' settings, read by
   * name here because the web package imports no feature (their records live in those features).
   */
  @Bean
  ActuatorLinks actuatorLinks(Environment environment) {
    return new ActuatorLinks(
        environment.getProperty(
            "portal.downloads.base-url", environment.getProperty("portal.site.base-url", "")));
  }

  @Bean
  PerClientAnswers perClientAnswers() {
    return new PerClientAnswers();
  }

  @Bean
  DisconnectedClients disconnectedClients() {
    return new DisconnectedClients();
  }

  @Bean
  DatabaseOutage databaseOutage() {
    return new DatabaseOutage();
  }

  @Bean
  EmptyBody emptyBody() {
    return new EmptyBody();
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "portal.api.response-cache.enabled", matchIfMissing = true)
  ResponseCache responseCache(
      ResponseCacheProperties properties, ObjectProvider<ExecutionGraphQlService> graphQl) {
    return new ResponseCache(properties, graphQl);
  }
}
