package cn.qingtian.portal.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small typed tables for tests of the disclosure gate's steps, written inline. */
public final class TestTables {

  private TestTables() {}

  /**
   * A table with fields {@code name[:type]} (string by default) and rows of typed values.
   *
   * @param header e.g. {@code "charity,year:integer,total:number"}
   */
  public static Table table(String name, String header, List<List<@Nullable Object>> rows) {
    List<Field> fields = new ArrayList<>();
    for (String column : header.split(",")) {
      String[] parts = column.split(":");
      FieldType type =
          parts.length == 1
              ? FieldType.STRING
              : FieldType.valueOf(parts[1].toUpperCase(Locale.ROOT));
      fields.add(new Field(parts[0], type, false, false, null, null, null, null, null));
    }
    boolean secret = name.equals("charity_donation_records") || name.equals("household_microdata");
    Resource resource =
        new Resource(
            name,
            name + ".csv",
            name,
            name,
            new TableSchema(fields, List.of(), List.of(), List.of(), List.of("")),
            secret);
    List<Row> typed = new ArrayList<>();
    for (List<@Nullable Object> values : rows) {
      typed.add(new Row(name + ".csv", typed.size() + 2, values));
    }
    return new Table(resource, typed);
  }

  public static List<@Nullable Object> row(@Nullable Object... values) {
    return Arrays.asList(values);
  }
}
