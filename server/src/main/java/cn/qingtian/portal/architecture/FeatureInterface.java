package cn.qingtian.portal.architecture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of a feature package (plan, indicator, charity, …) that other features may use: the
 * feature's named interface. A class of one feature may use a class of another only if that class
 * (or the class it is nested in) carries this annotation and the direction between the two features
 * is one of those listed in {@code ArchitectureTest} and docs/architecture.md, "Packages and
 * allowed directions". Everything else in a feature is its own business and may change without
 * looking elsewhere.
 *
 * <p>Read only by the dependency rules, from the class files; it changes nothing at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureInterface {}
