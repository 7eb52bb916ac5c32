package cn.qingtian.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that needs more than the JVM: PostgreSQL, a running portal, another process, a browser or
 * Node.js. Failsafe runs it in {@code ./mvnw verify}'s integration-test phase; Surefire, which runs
 * the unit tests first, leaves it out (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("integration")
public @interface IntegrationTest {}
