package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a data package against its Table Schemas and reports every problem, each located as {@code
 * file:row:column} in Chinese and English: encoding, header, type, required, enum, pattern,
 * minimum/maximum, unique, primary, unique and foreign keys.
 */
public final class PackageValidator {

  /**
   * The tables whose {@code code} becomes a file name of the static site ({@code
   * indicators/{code}/index.html} and so on): their codes must be {@linkplain SafePaths#isSafeName
   * safe names}, whatever the package's own schema allows.
   */
  static final Set<String> TABLES_CODED_BY_FILE_NAME =
      Set.of("indicators", "measures", "target_groups", "departments", "charities", "plans");

  /** How much of a value a problem quotes. */
  private static final int SHOWN_CHARS = 60;

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
      checkFileNames(descriptor, problems);
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
    tables.forEach(table -> checkCodes(table, problems));
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
                zh("dataset.resource.fieldsDiffer", first.name()),
                en("dataset.resource.fieldsDiffer", first.name())));
        return null;
      }
      rows.addAll(table.rows());
    }
    return new Table(first.resource(), List.copyOf(rows));
  }

  private static @Nullable Table readTable(
      Path directory, String prefix, Resource resource, List<Problem> problems) {
    String file = prefix + resource.path();
    Path path = resourceFile(directory, file, resource, problems);
    if (path == null) {
      return null;
    }
    try (CsvReader reader = CsvReader.open(file, path, problems)) {
      return reader == null ? null : readRows(file, resource, reader, problems);
    } catch (IOException | UncheckedIOException e) {
      problems.add(problem(file, 0, 0, "dataset.file.unreadable", e.getMessage()));
      return null;
    }
  }

  /**
   * The file of a resource, or null with the problem added: its path must be relative, stay inside
   * the package folder (also through symbolic links) and name a regular file.
   */
  private static @Nullable Path resourceFile(
      Path directory, String file, Resource resource, List<Problem> problems) {
    String name = resource.name();
    String declared = resource.path();
    Path relative;
    try {
      relative = Path.of(declared);
    } catch (java.nio.file.InvalidPathException e) {
      relative = null;
    }
    if (relative == null
        || relative.isAbsolute()
        || declared.startsWith("/")
        || declared.startsWith("\\")
        || declared.matches("^[A-Za-z]:.*")) {
      problems.add(problem(DataPackage.DESCRIPTOR, 0, 0, "dataset.path.absolute", name, declared));
      return null;
    }
    Path root = directory.toAbsolutePath().normalize();
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      problems.add(problem(DataPackage.DESCRIPTOR, 0, 0, "dataset.path.outside", name, declared));
      return null;
    }
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      problems.add(problem(file, 0, 0, "dataset.file.missing", name));
      return null;
    }
    try {
      Path real = path.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        problems.add(problem(file, 0, 0, "dataset.file.linkOutside", name, real));
        return null;
      }
      if (!Files.isRegularFile(real)) {
        problems.add(problem(file, 0, 0, "dataset.file.notRegular", name));
        return null;
      }
      return real;
    } catch (IOException e) {
      problems.add(problem(file, 0, 0, "dataset.file.brokenLink", name, e.getMessage()));
      return null;
    }
  }

  /**
   * The version and the resource names become folder and file names of the downloads and the site
   * (docs/reliability.md, attack finding 1: a version of {@code ../../x} wrote files outside the
   * output).
   */
  private static void checkFileNames(DataPackage descriptor, List<Problem> problems) {
    if (!SafePaths.isSafeName(descriptor.version())) {
      problems.add(
          problem(
              DataPackage.DESCRIPTOR, 0, 0, "dataset.name.version", shown(descriptor.version())));
    }
    for (Resource resource : descriptor.resources()) {
      if (!SafePaths.isSafeName(resource.name())) {
        problems.add(
            problem(DataPackage.DESCRIPTOR, 0, 0, "dataset.name.resource", shown(resource.name())));
      }
    }
  }

  /** Codes that name a page of the static site must be safe file names too. */
  private static void checkCodes(Table table, List<Problem> problems) {
    int index = table.schema().indexOf("code");
    if (!TABLES_CODED_BY_FILE_NAME.contains(table.name()) || index < 0) {
      return;
    }
    for (Row row : table.rows()) {
      if (row.get(index) instanceof String code && !SafePaths.isSafeName(code)) {
        problems.add(
            new Problem(
                row.file(),
                row.number(),
                index + 1,
                zh("dataset.name.code", table.name(), shown(code)),
                en("dataset.name.code", table.name(), shown(code))));
      }
    }
  }

  /** A problem at file:row:column, worded by the message {@code key} in both languages. */
  private static Problem problem(
      String file, int row, int column, String key, @Nullable Object... arguments) {
    return new Problem(file, row, column, zh(key, arguments), en(key, arguments));
  }

  /** The Chinese half of the problem {@code key} of the bundle ({@link UserMessages}). */
  private static String zh(String key, @Nullable Object... arguments) {
    return UserMessages.get(key + ".zh", arguments);
  }

  /** The English half of the problem {@code key} of the bundle ({@link UserMessages}). */
  private static String en(String key, @Nullable Object... arguments) {
    return UserMessages.get(key + ".en", arguments);
  }

  /**
   * Types every record of the file as it is read: only the typed rows are kept, never the text. A
   * cell equal to the one above it shares that string, so repeated codes take no memory of their
   * own.
   */
  private static @Nullable Table readRows(
      String file, Resource resource, CsvReader reader, List<Problem> problems) throws IOException {
    TableSchema schema = resource.schema();
    CsvReader.Record header = reader.next();
    if (header == null) {
      if (problems.stream().noneMatch(p -> p.file().equals(file))) {
        problems.add(problem(file, 1, 1, "dataset.file.empty"));
      }
      return null;
    }
    int[] columnOf = headerColumns(file, schema, header.cells(), problems);
    if (columnOf == null) {
      return null;
    }
    int width = header.cells().size();
    String[] above = new String[width];
    List<Row> rows = new ArrayList<>();
    for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
      int rowNumber = record.row();
      List<String> cells = record.cells();
      if (cells.size() != width) {
        problems.add(
            new Problem(
                file,
                rowNumber,
                Math.min(cells.size(), width) + 1,
                zh("dataset.row.width", cells.size(), width),
                en("dataset.row.width", cells.size(), width)));
        continue;
      }
      @Nullable Object[] values = new Object[schema.fields().size()];
      for (int f = 0; f < values.length; f++) {
        int column = columnOf[f];
        String raw = cells.get(column);
        if (raw.equals(above[column])) {
          raw = above[column];
        } else {
          above[column] = raw;
        }
        values[f] =
            cell(file, rowNumber, column + 1, schema, schema.fields().get(f), raw, problems);
      }
      rows.add(
          new Row(file, rowNumber, java.util.Collections.unmodifiableList(Arrays.asList(values))));
    }
    // A file not read to its end is no table: its rows are not checked against keys.
    return reader.failed() ? null : new Table(resource, List.copyOf(rows));
  }

  /** Maps each schema field to its CSV column, or returns null after reporting header problems. */
  private static int @Nullable [] headerColumns(
      String file, TableSchema schema, List<String> header, List<Problem> problems) {
    int before = problems.size();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c).strip();
      if (schema.indexOf(name) < 0) {
        problems.add(
            new Problem(
                file,
                1,
                c + 1,
                zh("dataset.column.unknown", name),
                en("dataset.column.unknown", name)));
      } else if (header.subList(0, c).stream().map(String::strip).anyMatch(name::equals)) {
        problems.add(
            new Problem(
                file,
                1,
                c + 1,
                zh("dataset.column.duplicate", name),
                en("dataset.column.duplicate", name)));
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
                zh("dataset.column.missing", name),
                en("dataset.column.missing", name)));
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
    int control = controlCharacter(raw);
    if (control >= 0) {
      String code = String.format("U+%04X", (int) raw.charAt(control));
      String shown = shown(raw);
      problems.add(
          problem(
              file, row, column, "dataset.cell.control", field.name(), shown, control + 1, code));
      return null;
    }
    if (schema.missingValues().contains(raw)) {
      if (field.required() || schema.primaryKey().contains(field.name())) {
        problems.add(problem(file, row, column, "dataset.cell.required", field.name()));
      }
      return null;
    }
    Object value;
    try {
      value = field.type().parse(raw);
    } catch (IllegalArgumentException e) {
      problems.add(typeProblem(file, row, column, field, raw));
      return null;
    }
    FormulaCells.Formula formula =
        field.type() == FieldType.STRING ? FormulaCells.first(raw) : null;
    if (formula != null) {
      problems.add(formulaProblem(file, row, column, field, raw, formula));
    }
    if (field.enumValues() != null && !field.enumValues().contains(raw)) {
      String shown = shown(raw);
      problems.add(
          problem(file, row, column, "dataset.cell.enum", field.name(), shown, field.enumValues()));
    }
    if (field.pattern() != null && !field.pattern().matcher(raw).matches()) {
      String shown = shown(raw);
      problems.add(
          problem(file, row, column, "dataset.cell.pattern", field.name(), shown, field.pattern()));
    }
    checkRange(file, row, column, field, raw, value, problems);
    return value;
  }

  /**
   * A value its field's type cannot read; says why when the form is right (no such day, too large).
   */
  private static Problem typeProblem(String file, int row, int column, Field field, String raw) {
    String shown = shown(raw);
    boolean noSuchDay =
        field.type() == FieldType.DATE && FieldType.DATE_PATTERN.matcher(raw).matches();
    boolean tooLarge =
        (field.type() == FieldType.INTEGER || field.type() == FieldType.YEAR)
            && FieldType.INTEGER_PATTERN.matcher(raw).matches();
    String why = noSuchDay ? "dataset.cell.type.noSuchDay" : null;
    String range = "dataset.cell.type.range";
    Object min = FieldType.INTEGER_MIN;
    Object max = FieldType.INTEGER_MAX;
    return new Problem(
        file,
        row,
        column,
        zh(
            "dataset.cell.type",
            field.name(),
            shown,
            field.type().zh(),
            (why == null ? "" : zh(why)) + (tooLarge ? zh(range, min, max) : "")),
        en(
            "dataset.cell.type",
            field.name(),
            shown,
            field.type().en(),
            (why == null ? "" : en(why)) + (tooLarge ? en(range, min, max) : "")));
  }

  private static void checkRange(
      String file,
      int row,
      int column,
      Field field,
      String raw,
      Object value,
      List<Problem> problems) {
    if (value instanceof Number number && (field.minimum() != null || field.maximum() != null)) {
      var decimal = new java.math.BigDecimal(number.toString());
      if (field.minimum() != null && decimal.compareTo(field.minimum()) < 0
          || field.maximum() != null && decimal.compareTo(field.maximum()) > 0) {
        problems.add(
            problem(
                file,
                row,
                column,
                "dataset.cell.range",
                field.name(),
                shown(raw),
                field.minimum(),
                field.maximum()));
      }
    }
    if (field.maxLength() != null && raw.length() > field.maxLength()) {
      problems.add(
          problem(file, row, column, "dataset.cell.maxLength", field.name(), field.maxLength()));
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
                  zh("dataset.key.duplicate", key, tuple, first),
                  en("dataset.key.duplicate", key, tuple, first)));
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
              problem(
                  DataPackage.DESCRIPTOR,
                  0,
                  0,
                  "dataset.foreignKey.unknownResource",
                  table.name(),
                  target));
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
                    zh(
                        "dataset.foreignKey.missing",
                        fk.fields(),
                        tuple,
                        referenced.resource().path()),
                    en(
                        "dataset.foreignKey.missing",
                        fk.fields(),
                        tuple,
                        referenced.resource().path())));
          }
        }
      }
    }
  }

  /** The index of the first control character text may not hold, or -1. */
  static int controlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (FormulaCells.isForbiddenControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The problem of text a spreadsheet would run ({@link FormulaCells}): it starts with a formula
   * sign or a tab or carriage return, or has one behind spaces or invisible characters, or right
   * after a separator. The diagnostic names the character and how to reword the text.
   */
  private static Problem formulaProblem(
      String file, int row, int column, Field field, String raw, FormulaCells.Formula formula) {
    String shown = shown(raw);
    String sign = String.valueOf(raw.charAt(formula.sign()));
    String signKey =
        switch (sign) {
          case "\t" -> "dataset.formula.sign.tab";
          case "\r" -> "dataset.formula.sign.carriageReturn";
          default -> "dataset.formula.sign.other";
        };
    boolean hidden = formula.sign() > formula.cell();
    String hiddenZh = hidden ? zh("dataset.formula.hidden") : "";
    String hiddenEn = hidden ? en("dataset.formula.hidden") : "";
    String key = formula.cell() == 0 ? "dataset.formula.start" : "dataset.formula.afterSeparator";
    String separator =
        formula.cell() == 0 ? "" : shown(String.valueOf(raw.charAt(formula.cell() - 1)));
    return new Problem(
        file,
        row,
        column,
        zh(
            key,
            field.name(),
            shown,
            zh(signKey, sign),
            hiddenZh,
            zh("dataset.formula.rule"),
            separator),
        en(
            key,
            field.name(),
            shown,
            en(signKey, sign),
            hiddenEn,
            en("dataset.formula.rule"),
            separator));
  }

  /**
   * A value as a problem quotes it: control, invisible and separator characters visible ({@link
   * FormulaCells#visible}), a long value cut short.
   */
  private static String shown(String raw) {
    String cut = raw.length() > SHOWN_CHARS ? raw.substring(0, SHOWN_CHARS) + "…" : raw;
    return FormulaCells.visible(cut);
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
    return List.copyOf(tuple);
  }
}
