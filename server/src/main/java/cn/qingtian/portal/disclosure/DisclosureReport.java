package cn.qingtian.portal.disclosure;

/** The disclosure report's line for one table and year. */
public record DisclosureReport(
    int year,
    String table,
    int entries,
    int published,
    int primarySuppressed,
    int secondarySuppressed,
    boolean auditPassed,
    String rules,
    double epsilon) {}
