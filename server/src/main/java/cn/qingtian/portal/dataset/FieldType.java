package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The Table Schema field types the portal's packages use, each with its parser. */
public enum FieldType {
  STRING,
  INTEGER,
  NUMBER,
  DATE,
  YEAR,
  BOOLEAN;

  /** The one form a date takes: four-digit year, month and day. */
  static final Pattern DATE_PATTERN = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** Integers are stored as PostgreSQL {@code integer}: 32 bits. */
  static final long INTEGER_MIN = Integer.MIN_VALUE;

  static final long INTEGER_MAX = Integer.MAX_VALUE;

  static final Pattern INTEGER_PATTERN = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern NUMBER_PATTERN =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private final String zh;
  private final String en;

  FieldType() {
    String key = "dataset.type." + name().toLowerCase(Locale.ROOT);
    this.zh = UserMessages.get(key + ".zh");
    this.en = UserMessages.get(key + ".en");
  }

  /** The type's name in Chinese, as a problem names it (bundle key {@code dataset.type.*.zh}). */
  public String zh() {
    return zh;
  }

  /** The type's name in English, as a problem names it (bundle key {@code dataset.type.*.en}). */
  public String en() {
    return en;
  }

  static FieldType of(String tableSchemaType) {
    return switch (tableSchemaType) {
      case "string" -> STRING;
      case "integer" -> INTEGER;
      case "number" -> NUMBER;
      case "date" -> DATE;
      case "year" -> YEAR;
      case "boolean" -> BOOLEAN;
      default ->
          throw new IllegalArgumentException("unsupported Table Schema type: " + tableSchemaType);
    };
  }

  /**
   * Parses a raw cell.
   *
   * @throws IllegalArgumentException when the cell is not of this type
   */
  Object parse(String raw) {
    try {
      return switch (this) {
        case STRING -> raw;
        case INTEGER, YEAR -> {
          if (!INTEGER_PATTERN.matcher(raw).matches()) {
            throw new IllegalArgumentException(raw);
          }
          long value = Long.parseLong(raw);
          if (value < INTEGER_MIN || value > INTEGER_MAX) {
            throw new IllegalArgumentException(raw);
          }
          yield value;
        }
        case NUMBER -> {
          if (!NUMBER_PATTERN.matcher(raw).matches()) {
            throw new IllegalArgumentException(raw);
          }
          yield new BigDecimal(raw);
        }
        case DATE -> {
          // Year 0 does not exist in the calendar (nor in PostgreSQL); 2025-02-30 fails parsing.
          LocalDate date = LocalDate.parse(raw);
          if (!DATE_PATTERN.matcher(raw).matches() || date.getYear() < 1) {
            throw new IllegalArgumentException(raw);
          }
          yield date;
        }
        case BOOLEAN ->
            switch (raw.toLowerCase(Locale.ROOT)) {
              case "true" -> Boolean.TRUE;
              case "false" -> Boolean.FALSE;
              default -> throw new IllegalArgumentException(raw);
            };
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(raw, e);
    }
  }
}
