package cn.qingtian.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test whose subject is what PostgreSQL does for the portal: migrations, imports and
 * releases, roles and privileges, locks, the SQL behind each feature's API. CI runs these a second
 * time against the machine's PostgreSQL server (decisions D14 and D22, docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@IntegrationTest
@Tag("database")
public @interface DatabaseTest {}
