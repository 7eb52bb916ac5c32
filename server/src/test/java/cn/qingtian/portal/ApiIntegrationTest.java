package cn.qingtian.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test over real HTTP against the running server and real PostgreSQL, holding the
 * bundled data package as release 1. The annotation names no database: the test class extends
 * {@link SharedDatabase} (or one of its subclasses) or registers {@code portal.database.url} from
 * {@link TestDatabases} itself; without either the context fails to start, at an address that says
 * so, instead of using the developer's own embedded server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Never the developer's own embedded server: a test class names its database (see above).
      "portal.database.url=postgresql://postgres@name-a-test-database.invalid:1/extend-SharedDatabase",
      "portal.release.poll-interval=200ms",
      "portal.site.publish-on-release=false",
      "portal.downloads.directory=target/test-downloads/${random.uuid}",
      // Written when a test asks, not in every test context as it starts.
      "portal.downloads.write-on-release=false",
      // Every request passes the rate limiter, but a whole suite from one address stays within it.
      "portal.api.rate-limit.cost-per-window=10000000",
      // … and its refused queries (invalid on purpose) and concurrent requests too.
      "portal.api.rate-limit.refused-per-window=10000000",
      "portal.api.rate-limit.max-concurrent-per-client=10000",
      // Tests count points exactly (a query's estimate): server time, which varies with the load,
      // is charged only where a test asks for it (ServerTimeIsChargedAttackTest).
      "portal.api.rate-limit.server-time-per-point=1h",
      // Cached contexts give back their idle connections: CI's second pass runs every test class
      // against one PostgreSQL server with 100 connection slots.
      "portal.database.api-pool-max-idle-time=5s",
      "spring.test.webtestclient.timeout=PT30S"
    })
@AutoConfigureHttpGraphQlTester
@IntegrationTest
@Import({SlowMachineTimeouts.class, StatementCounter.class})
public @interface ApiIntegrationTest {}
