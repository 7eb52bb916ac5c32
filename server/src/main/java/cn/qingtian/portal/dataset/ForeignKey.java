package cn.qingtian.portal.dataset;

import java.util.List;

/** A Table Schema foreign key: these fields must match a row of the referenced resource. */
public record ForeignKey(List<String> fields, String resource, List<String> referencedFields) {}
