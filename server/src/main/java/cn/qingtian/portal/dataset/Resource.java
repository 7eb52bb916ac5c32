package cn.qingtian.portal.dataset;

/** A tabular resource of a data package: a CSV file described by a Table Schema. */
public record Resource(String name, String path, String title, TableSchema schema) {}
