package cn.qingtian.portal.dataset;

import java.util.List;

/** A validated resource: its schema and typed rows. */
public record Table(Resource resource, List<Row> rows) {

  public String name() {
    return resource.name();
  }

  public TableSchema schema() {
    return resource.schema();
  }
}
