package cn.qingtian.portal.web;

import cn.qingtian.portal.ratelimit.RateLimitProperties;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;

/**
 * How requests are served over HTTP: {@code HEAD} as {@code GET}, the actuator's links from the
 * public address, a bound on open connections (per address too) and on requests in flight; for
 * {@code /graphql}, its timeout, a 503 while the database cannot be reached, a 400 for a POST
 * without a body, and its response cache when it is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ResponseCacheProperties.class)
class GraphQlServing {

  @Bean
  RequestTimeout requestTimeout(
      @Value("${portal.api.request-timeout:10s}") Duration timeout,
      @Value("${portal.http.response-start-timeout:30s}") Duration startTimeout) {
    return new RequestTimeout(timeout, startTimeout);
  }

  @Bean
  InFlightLimit inFlightLimit(
      @Value("${portal.http.max-in-flight:256}") int max,
      @Value("${portal.http.overload-retry-after:1s}") Duration retryAfter) {
    return new InFlightLimit(max, (int) Math.max(1, retryAfter.toSeconds()));
  }

  @Bean
  ConnectionLimit connectionLimit(
      @Value("${portal.http.max-connections:8192}") int max,
      @Value("${portal.http.max-connections-per-address:256}") int maxPerAddress,
      @Value("${portal.http.first-request-timeout:10s}") Duration firstRequestTimeout,
      RateLimitProperties rateLimit) {
    return new ConnectionLimit(
        max, maxPerAddress, firstRequestTimeout, Set.copyOf(rateLimit.trustedProxies()));
  }

  @Bean
  HeadAsGet headAsGet() {
    return new HeadAsGet();
  }

  @Bean
  ActuatorLinks actuatorLinks(
      @Value("${portal.downloads.base-url:${portal.site.base-url:}}") String baseUrl) {
    return new ActuatorLinks(baseUrl);
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
