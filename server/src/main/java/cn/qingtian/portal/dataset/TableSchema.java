package cn.qingtian.portal.dataset;

import java.util.List;

/** The schema of one tabular resource: its fields, keys and missing-value markers. */
public record TableSchema(
    List<Field> fields,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    List<ForeignKey> foreignKeys,
    List<String> missingValues) {

  public int indexOf(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }
}
