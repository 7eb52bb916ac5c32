package cn.qingtian.portal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the read-only API tests: they share one database (and one Spring context) holding the
 * bundled package. Tests that import other content use a database of their own.
 */
public abstract class SharedDatabase {

  private static final String URL = TestDatabases.newImportedDatabaseUrl();

  @DynamicPropertySource
  static void sharedDatabase(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> URL);
  }
}
