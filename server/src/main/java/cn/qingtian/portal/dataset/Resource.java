package cn.qingtian.portal.dataset;

/**
 * A tabular resource of a data package: a CSV file described by a Table Schema. A resource marked
 * {@code "access": "private"} (such as donations with donor names) is imported into the database's
 * {@code private} schema, which the API's role cannot read (decision D11). Title and description
 * are written "中文 / English", as the package's own.
 */
public record Resource(
    String name,
    String path,
    String title,
    String description,
    TableSchema schema,
    boolean privateData) {

  /** The table it is imported into. */
  public String tableName() {
    return privateData ? "private." + name : name;
  }
}
