package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 13b of issue 21: a value like {@code note;+1+1} passed the formula check and was written
 * unquoted, so a spreadsheet that splits fields on {@code ;} (Excel and LibreOffice in locales
 * whose list separator is the semicolon) ran {@code +1+1}. The check now covers every separator
 * spreadsheets accept ({@code , ; | tab}, line breaks), at import and in every CSV the portal
 * writes.
 */
@Tag("attack")
class FormulaAfterASeparatorIsNeutralizedAttackTest {

  /** Text that starts a formula after a separator, as OWASP's CSV injection guidance warns. */
  private static final List<String> PAYLOADS =
      List.of("note;+1+1", "see|=cmd|' /C calc'!A0", "a\t@SUM(1+1)", "x;-2+3");

  /** The separators Excel, LibreOffice Calc and Google Sheets split a CSV or pasted text on. */
  private static final String SEPARATORS = ",;\t|";

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

  @Test
  void noCsvDownloadHasACellThatStartsAFormulaWhateverTheSeparator() throws Exception {
    String database = TestDatabases.newDatabaseUrl();
    PortalCommands.importBundled(database);
    // Text that reached the database another way (a portal that imported it before the check).
    for (int i = 0; i < PAYLOADS.size(); i++) {
      PortalCommands.execute(
          database,
          "update sources set note_en = '"
              + PAYLOADS.get(i).replace("'", "''")
              + "' where code = (select code from sources order by code offset "
              + i
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

    List<String> formulas = new ArrayList<>();
    for (String file : List.of("sources.csv", "sources-excel.csv")) {
      String csv =
          Files.readString(
              temp.resolve("downloads").resolve("1.6.0").resolve("sources").resolve(file),
              StandardCharsets.UTF_8);
      assertThat(csv)
          .as("the text is kept, quoted, its hidden formula shown as text")
          .contains("\"note;'+1+1\"");
      for (char separator : SEPARATORS.toCharArray()) {
        for (String cell : cells(csv, separator)) {
          if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            formulas.add(file + " split on " + (int) separator + ": " + cell);
          }
        }
      }
    }
    System.out.println("Finding 13b: cells that start a formula: " + formulas.size());
    assertThat(formulas).as("cells a spreadsheet would run").isEmpty();
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
