package cn.qingtian.portal.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Checks a data package against its Table Schemas and reports every problem, each located as {@code
 * file:row:column} in Chinese and English: encoding, header, type, required, enum, pattern,
 * minimum/maximum, unique, primary, unique and foreign keys.
 */
public final class PackageValidator {

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private PackageValidator() {}

  public static Validation validate(Path directory) {
    return validate(List.of(directory));
  }

  /**
   * Validates packages that are imported together: tables of the same name are merged, and keys and
   * foreign keys are checked across all of them (the demo package refers to the plan's indicators).
   * With several packages, files are named with their package folder.
   */
  public static Validation validate(List<Path> directories) {
    List<Problem> problems = new ArrayList<>();
    List<DataPackage> descriptors = new ArrayList<>();
    Map<String, List<Table>> byName = new LinkedHashMap<>();
    int expected = 0;
    for (Path directory : directories) {
      DataPackage descriptor = DescriptorReader.read(directory, problems);
      if (descriptor == null) {
        continue;
      }
      descriptors.add(descriptor);
      String prefix = directories.size() > 1 ? directory.getFileName() + "/" : "";
      for (Resource resource : descriptor.resources()) {
        expected++;
        Table table = readTable(directory, prefix, resource, problems);
        if (table != null) {
          byName.computeIfAbsent(table.name(), name -> new ArrayList<>()).add(table);
        }
      }
    }
    List<Table> tables = new ArrayList<>();
    int read = 0;
    for (List<Table> sameName : byName.values()) {
      read += sameName.size();
      Table merged = merge(sameName, problems);
      if (merged != null) {
        tables.add(merged);
      }
    }
    tables.forEach(table -> checkKeys(table, problems));
    Set<String> declared = new HashSet<>();
    descriptors.forEach(d -> d.resources().forEach(r -> declared.add(r.name())));
    checkForeignKeys(tables, declared, problems);
    if (!problems.isEmpty() || descriptors.size() != directories.size() || read != expected) {
      return new Validation(List.copyOf(problems), null);
    }
    return new Validation(
        List.of(), new ValidatedPackage(List.copyOf(descriptors), List.copyOf(tables)));
  }

  private static @Nullable Table merge(List<Table> sameName, List<Problem> problems) {
    Table first = sameName.get(0);
    List<Row> rows = new ArrayList<>();
    for (Table table : sameName) {
      if (!table.schema().fieldNames().equals(first.schema().fieldNames())) {
        problems.add(
            new Problem(
                table.rows().isEmpty() ? table.resource().path() : table.rows().get(0).file(),
                1,
                1,
                "与其他数据包中的同名资源 " + first.name() + " 字段不一致",
                "its fields differ from resource " + first.name() + " in another package"));
        return null;
      }
      rows.addAll(table.rows());
    }
    return new Table(first.resource(), List.copyOf(rows));
  }

  private static @Nullable Table readTable(
      Path directory, String prefix, Resource resource, List<Problem> problems) {
    String file = prefix + resource.path();
    Path path = directory.resolve(resource.path()).normalize();
    if (!path.startsWith(directory.normalize()) || !Files.isRegularFile(path)) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "资源 " + resource.name() + " 的文件不存在或不在数据包目录内",
              "the file of resource " + resource.name() + " is missing or outside the package"));
      return null;
    }
    String text;
    try {
      text = CsvText.decode(file, Files.readAllBytes(path), problems);
    } catch (IOException e) {
      problems.add(new Problem(file, 0, 0, "无法读取文件", "cannot read the file"));
      return null;
    }
    if (text == null) {
      return null;
    }
    try (CSVParser parser = CSVParser.parse(text, CSV)) {
      return parseRecords(file, resource, parser.getRecords(), problems);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "CSV 格式错误（引号未闭合？）：" + e.getMessage(),
              "malformed CSV (an unclosed quote?): " + e.getMessage()));
      return null;
    }
  }

  private static @Nullable Table parseRecords(
      String file, Resource resource, List<CSVRecord> records, List<Problem> problems) {
    TableSchema schema = resource.schema();
    if (records.isEmpty()) {
      problems.add(new Problem(file, 1, 1, "缺少表头行", "the header row is missing"));
      return null;
    }
    int[] columnOf = headerColumns(file, schema, records.get(0).toList(), problems);
    if (columnOf == null) {
      return null;
    }
    int width = records.get(0).size();
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      CSVRecord record = records.get(r);
      int rowNumber = r + 1;
      if (record.size() != width) {
        problems.add(
            new Problem(
                file,
                rowNumber,
                Math.min(record.size(), width) + 1,
                "本行有 " + record.size() + " 个单元格，表头有 " + width + " 列",
                "the row has " + record.size() + " cells, the header has " + width + " columns"));
        continue;
      }
      List<@Nullable Object> values = new ArrayList<>(schema.fields().size());
      for (int f = 0; f < schema.fields().size(); f++) {
        int column = columnOf[f];
        values.add(
            cell(
                file,
                rowNumber,
                column + 1,
                schema,
                schema.fields().get(f),
                record.get(column),
                problems));
      }
      rows.add(new Row(file, rowNumber, java.util.Collections.unmodifiableList(values)));
    }
    return new Table(resource, List.copyOf(rows));
  }

  /** Maps each schema field to its CSV column, or returns null after reporting header problems. */
  private static int @Nullable [] headerColumns(
      String file, TableSchema schema, List<String> header, List<Problem> problems) {
    int before = problems.size();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c).strip();
      if (schema.indexOf(name) < 0) {
        problems.add(
            new Problem(file, 1, c + 1, "未知的列 “" + name + "”", "unknown column \"" + name + "\""));
      } else if (header.subList(0, c).stream().map(String::strip).anyMatch(name::equals)) {
        problems.add(
            new Problem(
                file, 1, c + 1, "重复的列 “" + name + "”", "duplicate column \"" + name + "\""));
      }
    }
    int[] columnOf = new int[schema.fields().size()];
    Arrays.fill(columnOf, -1);
    for (int f = 0; f < schema.fields().size(); f++) {
      String name = schema.fields().get(f).name();
      for (int c = 0; c < header.size(); c++) {
        if (header.get(c).strip().equals(name)) {
          columnOf[f] = c;
          break;
        }
      }
      if (columnOf[f] < 0) {
        problems.add(
            new Problem(
                file,
                1,
                header.size() + 1,
                "缺少列 “" + name + "”",
                "missing column \"" + name + "\""));
      }
    }
    return problems.size() == before ? columnOf : null;
  }

  private static @Nullable Object cell(
      String file,
      int row,
      int column,
      TableSchema schema,
      Field field,
      String raw,
      List<Problem> problems) {
    String label = "“" + field.name() + "”";
    if (schema.missingValues().contains(raw)) {
      if (field.required() || schema.primaryKey().contains(field.name())) {
        problems.add(
            new Problem(
                file,
                row,
                column,
                label + " 缺少必填值",
                "required value missing in \"" + field.name() + "\""));
      }
      return null;
    }
    Object value;
    try {
      value = field.type().parse(raw);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              file,
              row,
              column,
              label + " 的值 “" + raw + "” 不是" + field.type().zh(),
              "\"" + raw + "\" in \"" + field.name() + "\" is not " + field.type().en()));
      return null;
    }
    if (field.enumValues() != null && !field.enumValues().contains(raw)) {
      problems.add(
          new Problem(
              file,
              row,
              column,
              label + " 的值 “" + raw + "” 不在允许值 " + field.enumValues() + " 中",
              "\"" + raw + "\" in \"" + field.name() + "\" is not one of " + field.enumValues()));
    }
    if (field.pattern() != null && !field.pattern().matcher(raw).matches()) {
      problems.add(
          new Problem(
              file,
              row,
              column,
              label + " 的值 “" + raw + "” 不符合格式 " + field.pattern(),
              "\"" + raw + "\" in \"" + field.name() + "\" does not match " + field.pattern()));
    }
    checkRange(file, row, column, field, raw, value, problems);
    return value;
  }

  private static void checkRange(
      String file,
      int row,
      int column,
      Field field,
      String raw,
      Object value,
      List<Problem> problems) {
    if (value instanceof Number number) {
      var decimal = new java.math.BigDecimal(number.toString());
      if (field.minimum() != null && decimal.compareTo(field.minimum()) < 0
          || field.maximum() != null && decimal.compareTo(field.maximum()) > 0) {
        problems.add(
            new Problem(
                file,
                row,
                column,
                "“"
                    + field.name()
                    + "” 的值 "
                    + raw
                    + " 超出范围 ["
                    + field.minimum()
                    + ", "
                    + field.maximum()
                    + "]",
                "\""
                    + field.name()
                    + "\" value "
                    + raw
                    + " is outside ["
                    + field.minimum()
                    + ", "
                    + field.maximum()
                    + "]"));
      }
    }
    if (field.maxLength() != null && raw.length() > field.maxLength()) {
      problems.add(
          new Problem(
              file,
              row,
              column,
              "“" + field.name() + "” 超过最大长度 " + field.maxLength(),
              "\"" + field.name() + "\" is longer than " + field.maxLength()));
    }
  }

  private static void checkKeys(Table table, List<Problem> problems) {
    TableSchema schema = table.schema();
    List<List<String>> keys = new ArrayList<>();
    if (!schema.primaryKey().isEmpty()) {
      keys.add(schema.primaryKey());
    }
    keys.addAll(schema.uniqueKeys());
    schema.fields().stream().filter(Field::unique).forEach(f -> keys.add(List.of(f.name())));
    for (List<String> key : keys) {
      int[] indexes = key.stream().mapToInt(schema::indexOf).toArray();
      Map<List<Object>, Integer> seen = new HashMap<>();
      for (Row row : table.rows()) {
        List<Object> tuple = tuple(row, indexes);
        if (tuple == null) {
          continue;
        }
        Integer first = seen.putIfAbsent(tuple, row.number());
        if (first != null) {
          problems.add(
              new Problem(
                  row.file(),
                  row.number(),
                  indexes[0] + 1,
                  "键 " + key + " 的值 " + tuple + " 与第 " + first + " 行重复",
                  "key " + key + " value " + tuple + " duplicates row " + first));
        }
      }
    }
  }

  private static void checkForeignKeys(
      List<Table> tables, Set<String> declared, List<Problem> problems) {
    Map<String, Table> byName = new HashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    for (Table table : tables) {
      TableSchema schema = table.schema();
      for (ForeignKey fk : schema.foreignKeys()) {
        String target = fk.resource().isEmpty() ? table.name() : fk.resource();
        Table referenced = byName.get(target);
        if (referenced == null) {
          if (declared.contains(target)) {
            continue; // that table could not be read; its problems are reported already
          }
          problems.add(
              new Problem(
                  DataPackage.DESCRIPTOR,
                  0,
                  0,
                  table.name() + " 的外键引用了不存在的资源 " + target,
                  "a foreign key of " + table.name() + " refers to unknown resource " + target));
          continue;
        }
        int[] from = fk.fields().stream().mapToInt(schema::indexOf).toArray();
        int[] to = fk.referencedFields().stream().mapToInt(referenced.schema()::indexOf).toArray();
        Set<List<Object>> existing = new HashSet<>();
        referenced.rows().forEach(r -> existing.add(tuple(r, to)));
        existing.remove(null);
        for (Row row : table.rows()) {
          List<Object> tuple = tuple(row, from);
          if (tuple != null && !existing.contains(tuple)) {
            int column = from[from.length - 1] + 1;
            problems.add(
                new Problem(
                    row.file(),
                    row.number(),
                    column,
                    fk.fields() + " 的值 " + tuple + " 在 " + referenced.resource().path() + " 中不存在",
                    fk.fields()
                        + " value "
                        + tuple
                        + " does not exist in "
                        + referenced.resource().path()));
          }
        }
      }
    }
  }

  /** The values of the key's fields, or null when any is missing (such keys are not checked). */
  private static @Nullable List<Object> tuple(Row row, int[] indexes) {
    List<Object> tuple = new ArrayList<>(indexes.length);
    for (int index : indexes) {
      Object value = index < 0 ? null : row.get(index);
      if (value == null) {
        return null;
      }
      tuple.add(value);
    }
    return tuple.stream().allMatch(Objects::nonNull) ? List.copyOf(tuple) : null;
  }
}
