package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.IntegrationTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attack finding 13b (docs/reliability.md): a value like {@code note;+1+1} passed the formula check
 * and was written unquoted, so a spreadsheet that splits fields on {@code ;} (Excel and LibreOffice
 * in locales whose list separator is the semicolon) ran {@code +1+1}. The check now covers every
 * separator spreadsheets accept ({@code , ; | tab}, line breaks), at import and in every CSV the
 * portal writes.
 *
 * <p>Second-round finding E (docs/reliability.md): a fullwidth sign ({@code ＝ ＋ － ＠}, which Excel
 * and LibreOffice with East Asian input read as the ASCII one), a formula behind spaces or
 * invisible characters (NBSP, ideographic space, zero-width and format characters, soft hyphen:
 * spreadsheets trim or ignore them), and rarer separators (vertical tab, form feed, the information
 * separators U+001C– U+001F, NEL, line and paragraph separators) still reached downloads as
 * formulas; control characters were accepted at import and silently dropped from XLSX cells.
 */
@Tag("attack")
@IntegrationTest
class FormulaAfterASeparatorIsNeutralizedAttackTest {

  /** Text that starts a formula after a separator, as OWASP's CSV injection guidance warns. */
  private static final List<String> PAYLOADS =
      List.of(
          "note;+1+1",
          "see|=cmd|' /C calc'!A0",
          "a\t@SUM(1+1)",
          "x;-2+3",
          // Second round: fullwidth signs.
          "＝1+1",
          "＋1+1",
          "－1+1",
          "＠SUM(1+1)",
          "note;＝1+1",
          // A formula behind characters a spreadsheet trims or does not show.
          " =1+1",
          "\u00A0=1+1",
          "\u3000＝1+1",
          "\u200B=1+1",
          "\u200C+1+1",
          "\u200D-1+1",
          "\uFEFF=1+1",
          "\u2060@SUM(1)",
          "\u00AD=1+1",
          "note; =1+1",
          "note;\u00A0\"=1+1",
          // Separators the first round did not know.
          "a\u000B=1+1",
          "a\u000C=1+1",
          "a\u001C=1+1",
          "a\u001D=1+1",
          "a\u001E=1+1",
          "a\u001F=1+1",
          "a\u0085=1+1",
          "a\u2028=1+1",
          "a\u2029=1+1");

  /**
   * The characters some spreadsheet splits a line into cells, or a cell into lines, on: the comma,
   * semicolon, tab and bar of CSV and paste, and every character Unicode or a text importer treats
   * as a line or record end.
   */
  private static final String SEPARATORS =
      ",;\t|\r\n\u000B\u000C\u001C\u001D\u001E\u001F\u0085\u2028\u2029";

  /** ASCII and fullwidth formula signs. */
  private static final String SIGNS = "=+-@＝＋－＠";

  private static final Pattern OOXML_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

  @TempDir Path temp;

  @Test
  void textThatStartsAFormulaAfterASeparatorIsRefusedAtImport() {
    Path hostile =
        PackageFixture.copyOfBundled(temp)
            .replace(
                "sources.csv",
                "County agriculture and rural affairs bureau's review of 2016-2020.",
                "note;+1+1")
            .directory();

    Validation validation = PackageValidator.validate(hostile);

    assertThat(validation.isValid()).isFalse();
    assertThat(validation.problems().stream().map(Problem::toString))
        .anySatisfy(p -> assertThat(p).contains("sources.csv:2:7", "note;+1+1", "formula"));
  }

  /** Second round: fullwidth signs and formulas behind invisible characters, at import. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "＝1+1",
        "＠SUM(1+1)",
        " =1+1",
        "\u00A0=1+1",
        "\u3000＝1+1",
        "\u200B=1+1",
        "\uFEFF+1",
        "\u00AD=1+1",
        "note; =1+1",
        "note;\u2028=1+1",
        "note;＋1"
      })
  void aFormulaBehindSpacesOrInFullwidthIsRefusedAtImport(String payload) {
    Path hostile =
        PackageFixture.copyOfBundled(temp)
            .replace(
                "sources.csv",
                "County agriculture and rural affairs bureau's review of 2016-2020.",
                payload)
            .directory();

    Validation validation = PackageValidator.validate(hostile);

    assertThat(validation.problems().stream().map(Problem::toString))
        .anySatisfy(p -> assertThat(p).contains("sources.csv:2:7", "公式", "formula"));
  }

  @Test
  void noDownloadHasACellThatStartsAFormulaWhateverTheSeparatorAndNoneDropsACharacter()
      throws Exception {
    String database = TestDatabases.newDatabaseUrl();
    PortalCommands.importBundled(database);
    int rows = 18; // the bundled sources.csv: more payloads go to a second column
    // Text that reached the database another way (a portal that imported it before the check).
    for (int i = 0; i < PAYLOADS.size(); i++) {
      PortalCommands.execute(
          database,
          "update sources set "
              + (i < rows ? "note_en" : "publisher")
              + " = '"
              + PAYLOADS.get(i).replace("'", "''")
              + "' where code = (select code from sources order by code offset "
              + i % rows
              + " limit 1)");
    }
    PortalCommands.Run publish =
        PortalCommands.run(
            "publish",
            "--out",
            temp.resolve("site").toString(),
            "--portal.database.url=" + database,
            "--portal.downloads.directory=" + temp.resolve("downloads"));
    assertThat(publish.exitCode()).as(publish.all()).isZero();
    Path folder = temp.resolve("downloads").resolve("1.6.0").resolve("sources");

    List<String> formulas = new ArrayList<>();
    for (String file : List.of("sources.csv", "sources-excel.csv")) {
      String csv = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
      assertThat(csv)
          .as("the text is kept, quoted, its hidden formula shown as text")
          .contains("\"note;'+1+1\"");
      for (char separator : SEPARATORS.toCharArray()) {
        for (String cell : cells(csv, separator)) {
          if (runs(cell)) {
            formulas.add(file + " split on " + (int) separator + ": " + cell);
          }
        }
      }
    }
    List<String> dropped = new ArrayList<>();
    try (ReadableWorkbook workbook =
        new ReadableWorkbook(Files.newInputStream(folder.resolve("sources.xlsx")))) {
      List<String> texts = new ArrayList<>();
      for (Row row : workbook.getFirstSheet().read()) {
        for (Cell cell : row) {
          if (cell != null && cell.getType() == CellType.STRING) {
            String text = decoded(cell.getText());
            texts.add(text.replace("'", ""));
            for (char separator : SEPARATORS.toCharArray()) {
              for (String part : cells(text, separator)) {
                if (runs(part)) {
                  formulas.add("sources.xlsx split on " + (int) separator + ": " + text);
                }
              }
            }
          }
        }
      }
      for (String payload : PAYLOADS) {
        if (!texts.contains(payload.replace("'", ""))) {
          dropped.add(payload);
        }
      }
    }
    System.out.println(
        "Finding 13b/E: cells that start a formula: "
            + formulas.size()
            + "; payloads the XLSX does not keep whole: "
            + dropped.size());
    assertThat(formulas).as("cells a spreadsheet would run").isEmpty();
    assertThat(dropped).as("text an XLSX cell lost").isEmpty();
  }

  /**
   * Whether a spreadsheet would run the cell: its first character, after the spaces and invisible
   * characters spreadsheets trim or ignore and one opening quote, is a formula sign.
   */
  private static boolean runs(String cell) {
    int i = 0;
    boolean quote = false;
    while (i < cell.length()) {
      char c = cell.charAt(i);
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT
          || c == '\u00AD') {
        i++;
      } else if (c == '"' && !quote) {
        quote = true;
        i++;
      } else {
        break;
      }
    }
    return i < cell.length() && SIGNS.indexOf(cell.charAt(i)) >= 0;
  }

  /**
   * An XLSX string as Excel reads it: {@code _xHHHH_} is the character HHHH (ECMA-376 22.9.2.19).
   */
  private static String decoded(String text) {
    Matcher escape = OOXML_ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (escape.find()) {
      escape.appendReplacement(
          out,
          Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    }
    return escape.appendTail(out).toString();
  }

  /**
   * The cells a spreadsheet reads from CSV text split on {@code separator}: quotes group a field
   * (RFC 4180, as Excel, LibreOffice and Google Sheets read them), line breaks end a row.
   */
  private static List<String> cells(String csv, char separator) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == separator || c == '\n' || c == '\r') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
