package cn.qingtian.portal;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Counts the SQL statements the API's repositories send (not the release poll), for tests that
 * import it: how many a request makes is what DataLoader batching and the response cache promise.
 */
@TestConfiguration
public class StatementCounter {

  public static final AtomicInteger STATEMENTS = new AtomicInteger();

  @Bean
  static BeanPostProcessor countStatements() {
    return new BeanPostProcessor() {
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
                STATEMENTS.incrementAndGet();
              }
              return method.invoke(client, args);
            });
      }
    };
  }
}
