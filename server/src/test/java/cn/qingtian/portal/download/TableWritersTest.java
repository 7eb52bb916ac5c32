package cn.qingtian.portal.download;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.Field;
import cn.qingtian.portal.dataset.FieldType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The format writers on their own: quoting, types, and sheets that overflow. */
class TableWritersTest {

  private static final List<Field> FIELDS =
      List.of(
          field("name", FieldType.STRING),
          field("amount", FieldType.NUMBER),
          field("day", FieldType.DATE),
          field("open", FieldType.BOOLEAN));

  @Test
  void csvQuotesOnlyWhatNeedsQuotingAndEndsLinesWithCrlf() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvTableWriter writer = new CsvTableWriter(out, FIELDS, false)) {
      writer.row(
          Arrays.asList(
              "青田, \"侨乡\"\n第二行", new BigDecimal("12.50"), LocalDate.of(2024, 1, 2), true));
      writer.row(Arrays.asList("plain", null, null, false));
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "name,amount,day,open\r\n"
                + "\"青田, \"\"侨乡\"\"\n第二行\",12.50,2024-01-02,true\r\n"
                + "plain,,,false\r\n");
  }

  @Test
  void aTableLongerThanASheetContinuesOnTheNextWithItsHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableMetadata metadata =
        new TableMetadata("t", "t", "d", "1.0", "2026-11-29T00:00:00Z", "l", "p", false, 5, FIELDS);
    try (XlsxTableWriter writer = new XlsxTableWriter(out, metadata, 3)) {
      for (int i = 1; i <= 5; i++) {
        writer.row(
            Arrays.asList("row " + i, BigDecimal.valueOf(i), LocalDate.of(2024, 1, i), i % 2 == 0));
      }
    }
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(workbook.getSheets().map(s -> s.getName()).toList())
          .containsExactly("data", "data 2", "data 3", "about");
      List<Row> second = workbook.getSheet(1).orElseThrow().read();
      assertThat(second.get(0).getCellText(0)).isEqualTo("name");
      assertThat(second.get(1).getCellText(0)).isEqualTo("row 3");
      assertThat(second.get(1).getCell(1).asNumber()).isEqualByComparingTo("3");
      assertThat(second.get(1).getCell(3).asBoolean()).isFalse();
      assertThat(second.get(2).getCellAsDate(2))
          .hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 4)));
    }
  }

  /** Text cells an attacker might slip into a table, each starting like a spreadsheet formula. */
  private static final List<String> FORMULAS =
      List.of(
          "=HYPERLINK(\"http://evil.example\",\"点击\")",
          "+cmd|' /C calc'!A0",
          "-2+3",
          "@SUM(A1)",
          "\tleading tab",
          "\rleading return",
          "＝1+1",
          " =1+1",
          "\u200B@SUM(1)");

  @Test
  void csvAndExcelCsvWriteFormulaLikeTextWithALeadingApostropheAndNumbersAsTheyAre()
      throws Exception {
    for (boolean excel : new boolean[] {false, true}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (CsvTableWriter writer = new CsvTableWriter(out, FIELDS, excel)) {
        for (String formula : FORMULAS) {
          writer.row(Arrays.asList(formula, new BigDecimal("-3.5"), null, null));
        }
        writer.row(Arrays.asList("a = b, not a formula", new BigDecimal("-3.5"), null, null));
      }
      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(text.startsWith("\uFEFF")).as("byte order mark").isEqualTo(excel);
      assertThat(Arrays.stream(text.split("\r\n")).skip(1).toList())
          .as(excel ? "Excel CSV" : "CSV")
          .containsExactly(
              "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\",-3.5,,",
              "\"'+cmd|' /C calc'!A0\",-3.5,,",
              "'-2+3,-3.5,,",
              "'@SUM(A1),-3.5,,",
              "\"'\tleading tab\",-3.5,,",
              "\"'\rleading return\",-3.5,,",
              "'＝1+1,-3.5,,",
              "' =1+1,-3.5,,",
              "'\u200B@SUM(1),-3.5,,",
              "\"a = b, not a formula\",-3.5,,");
    }
  }

  @Test
  void xlsxWritesFormulaLikeTextWithALeadingApostropheAndNumbersAsNumbers() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableMetadata metadata =
        new TableMetadata(
            "t", "t", "d", "1.0", "2026-11-29T00:00:00Z", "l", "p", false, FORMULAS.size(), FIELDS);
    try (XlsxTableWriter writer = new XlsxTableWriter(out, metadata)) {
      for (String formula : FORMULAS) {
        writer.row(Arrays.asList(formula, new BigDecimal("-3.5"), null, null));
      }
    }
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.stream().skip(1).map(r -> r.getCellText(0)).toList())
          .containsExactlyElementsOf(FORMULAS.stream().map(f -> "'" + f).toList());
      assertThat(rows.stream().skip(1).map(r -> r.getCell(0).getType().toString()).distinct())
          .containsExactly("STRING");
      assertThat(rows.get(1).getCell(1).asNumber()).isEqualByComparingTo("-3.5");
    }
  }

  /** The about sheet's title and description come from the descriptor (outside re-check, E). */
  @Test
  void xlsxWritesAFormulaLikeTitleOrDescriptionOnTheAboutSheetWithALeadingApostrophe()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableMetadata metadata =
        new TableMetadata(
            "t",
            "=HYPERLINK(\"http://evil.example/\",\"click\")",
            "\u200B+1+1",
            "1.0",
            "2026-11-29T00:00:00Z",
            "l",
            "p",
            false,
            0,
            FIELDS);
    new XlsxTableWriter(out, metadata).close();
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<Row> about = workbook.getSheets().toList().get(1).read();
      assertThat(about.get(1).getCellText(1))
          .isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"click\")");
      assertThat(about.get(2).getCellText(1)).isEqualTo("'\u200B+1+1");
      assertThat(about.get(3).getCellText(1)).as("plain text unchanged").isEqualTo("1.0");
    }
  }

  private static Field field(String name, FieldType type) {
    return new Field(name, type, false, false, null, null, null, null, null);
  }

  /**
   * XLSX keeps every character: those XML cannot hold become OOXML's {@code _xHHHH_}, and text that
   * looks like such an escape has its underscore escaped, so Excel reads back what was written.
   */
  @Test
  void xlsxEscapesWhatXmlCannotHoldInsteadOfDroppingIt() {
    assertThat(XlsxTableWriter.escaped("plain 青田")).isEqualTo("plain 青田");
    assertThat(XlsxTableWriter.escaped("a\u000Bb\u001Fc\uFFFF"))
        .isEqualTo("a_x000B_b_x001F_c_xFFFF_");
    assertThat(XlsxTableWriter.escaped("id_x0041_ and _x12_"))
        .isEqualTo("id_x005F_x0041_ and _x12_");
    assertThat(XlsxTableWriter.escaped("tab\tand\r\nlines")).isEqualTo("tab\tand\r\nlines");
  }
}
