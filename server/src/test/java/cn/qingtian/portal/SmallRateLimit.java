package cn.qingtian.portal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests of the rate limit itself: a window of 5 points that ends after 3 seconds,
 * so a test spends it in a few queries and sees it turn. Each test class asks as clients of its own
 * (X-Forwarded-For from the trusted local proxy). They share the database and one Spring context.
 */
public abstract class SmallRateLimit extends SharedDatabase {

  @DynamicPropertySource
  static void smallRateLimit(DynamicPropertyRegistry registry) {
    registry.add("portal.api.rate-limit.cost-per-window", () -> "5");
    registry.add("portal.api.rate-limit.window", () -> "3s");
  }
}
