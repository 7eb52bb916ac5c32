package cn.qingtian.portal.web;

import cn.qingtian.portal.ratelimit.RateLimitProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The headers every answer carries ({@link SecurityHeaders}) and the cross-origin access to the
 * open routes ({@link CrossOrigin}). TLS behind a proxy is believed only from the proxies the rate
 * limit trusts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurity {

  @Bean
  SecurityHeaders securityHeaders(RateLimitProperties rateLimit) {
    return new SecurityHeaders(new TransportSecurity(rateLimit.trustedProxies()));
  }

  @Bean
  CrossOrigin crossOrigin() {
    return new CrossOrigin();
  }
}
