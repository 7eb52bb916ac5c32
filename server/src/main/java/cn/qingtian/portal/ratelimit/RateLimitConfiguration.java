package cn.qingtian.portal.ratelimit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The limiter, and where it applies when limits are on: the HTTP filter, the interceptor that
 * charges, and the instrumentation that refuses a query costing more than is left.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  @Bean
  RateLimiter rateLimiter(RateLimitProperties properties, Clock clock) {
    return new RateLimiter(properties, clock);
  }

  @Bean
  @ConditionalOnWebApplication
  @ConditionalOnBooleanProperty(name = "portal.api.rate-limit.enabled", matchIfMissing = true)
  RateLimitFilter rateLimitFilter(RateLimiter limiter, RateLimitProperties properties) {
    return new RateLimitFilter(
        limiter,
        ClientAddress.of(properties),
        new PublisherToken(properties.publisherToken()),
        properties);
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the query is measured (QueryLimitInstrumentation)
  @ConditionalOnWebApplication
  @ConditionalOnBooleanProperty(name = "portal.api.rate-limit.enabled", matchIfMissing = true)
  RateLimitInstrumentation rateLimitInstrumentation(RateLimiter limiter) {
    return new RateLimitInstrumentation(limiter);
  }

  @Bean
  @ConditionalOnWebApplication
  @ConditionalOnBooleanProperty(name = "portal.api.rate-limit.enabled", matchIfMissing = true)
  RateLimitInterceptor rateLimitInterceptor(RateLimiter limiter, RateLimitProperties properties) {
    return new RateLimitInterceptor(limiter, properties);
  }
}
