package cn.qingtian.portal.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated resource: its schema and typed rows. */
public record Table(Resource resource, List<Row> rows) {

  public String name() {
    return resource.name();
  }

  public TableSchema schema() {
    return resource.schema();
  }

  /** The value of a field in one of this table's rows. */
  public @Nullable Object value(Row row, String field) {
    int index = schema().indexOf(field);
    if (index < 0) {
      throw new IllegalArgumentException(name() + " has no field " + field);
    }
    return row.get(index);
  }
}
