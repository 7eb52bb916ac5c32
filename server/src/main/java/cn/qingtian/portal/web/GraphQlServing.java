package cn.qingtian.portal.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How {@code /graphql} is served over HTTP: its timeout, a 503 while the database cannot be
 * reached, a 400 for a POST without a body, and its response cache when it is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ResponseCacheProperties.class)
class GraphQlServing {

  @Bean
  RequestTimeout requestTimeout(@Value("${portal.api.request-timeout:10s}") Duration timeout) {
    return new RequestTimeout(timeout);
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
  ResponseCache responseCache(ResponseCacheProperties properties) {
    return new ResponseCache(properties);
  }
}
