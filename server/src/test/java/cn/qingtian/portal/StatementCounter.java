package cn.qingtian.portal;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Counts the SQL statements the API's repositories send (not the release poll): how many a request
 * makes is what DataLoader batching and the response cache promise. Every {@link
 * ApiIntegrationTest} context has its own count (a test reads {@link Statements}), so a context
 * still busy in the background never counts into another's.
 */
@TestConfiguration
public class StatementCounter {

  /** The statements sent in this context since the last {@link #reset()}. */
  public static final class Statements implements BeanPostProcessor {

    private final AtomicInteger count = new AtomicInteger();

    public void reset() {
      count.set(0);
    }

    public int count() {
      return count.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (!(bean instanceof DatabaseClient client)) {
        return bean;
      }
      return Proxy.newProxyInstance(
          DatabaseClient.class.getClassLoader(),
          new Class<?>[] {DatabaseClient.class},
          (proxy, method, args) -> {
            if (method.getName().equals("sql")
                && args[0] instanceof String sql
                && !sql.contains("from release")) {
              count.incrementAndGet();
            }
            return method.invoke(client, args);
          });
    }
  }

  @Bean
  static Statements countStatements() {
    return new Statements();
  }
}
