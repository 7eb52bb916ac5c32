package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.indicator.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * The disclosure report's line for one table and year; its provenance is that of the microdata
 * (none for releases published before the report carried it).
 */
public record DisclosureReport(
    int year,
    String table,
    int entries,
    int published,
    int primarySuppressed,
    int secondarySuppressed,
    boolean auditPassed,
    String rules,
    double epsilon,
    @Nullable Provenance provenance) {}
