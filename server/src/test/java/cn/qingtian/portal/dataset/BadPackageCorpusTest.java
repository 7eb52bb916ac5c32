package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.database.JdbcConnections;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The corpus of broken packages: each case is a copy of the bundled package with one thing broken,
 * imported (validated, then handed to the real importer, as {@code import} does) into a database
 * that holds an earlier release. Every case is refused with one precise problem — file, row,
 * column, a phrase in Chinese and in English — and changes nothing. The list of cases is the
 * documentation of what the validator refuses (docs/data.md); the cases that are accepted on
 * purpose (a BOM at the start, mixed line ends, a header-only table, negative numbers) follow it.
 *
 * <p>Large files are generated at test time; {@code -Dcorpus.rows=N} scales the big-file case
 * (default 1,000,000 rows).
 */
@ApiIntegrationTest
@DatabaseTest
class BadPackageCorpusTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired JdbcConnections connections;

  private DatabaseSnapshot before;

  /** One broken package and the problem it must be refused with. */
  record Case(
      String name,
      Function<PackageFixture, PackageFixture> breakIt,
      String file,
      int row,
      int column,
      String zh,
      String en) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() {
    return Stream.of(
        // --- encodings ---
        new Case(
            "a file saved as GBK by Excel on Chinese Windows",
            p -> p.reencode("departments.csv", Charset.forName("GBK")),
            "departments.csv",
            2,
            2,
            "GB18030/GBK",
            "CSV UTF-8"),
        new Case(
            "a byte that is not UTF-8 (and not GBK either)",
            p ->
                p.bytes(
                    "departments.csv",
                    "OCEZ,华侨",
                    new byte[] {'O', 'C', 'E', 'Z', ',', (byte) 0xff}),
            "departments.csv",
            3,
            2,
            "不是 UTF-8",
            "invalid byte at offset"),
        new Case(
            "a byte that is not UTF-8 at the start of a row",
            p -> p.bytes("departments.csv", "\nOCEZ,", new byte[] {'\n', (byte) 0xff, ','}),
            "departments.csv",
            3,
            1,
            "不是 UTF-8",
            "invalid byte at offset"),
        new Case(
            "a file in UTF-16 with its byte order mark (Excel's Unicode text)",
            p -> p.reencode("departments.csv", StandardCharsets.UTF_16),
            "departments.csv",
            1,
            1,
            "UTF-16",
            "UTF-16"),
        new Case(
            "a NUL character (UTF-16 without a byte order mark, or a binary file)",
            p -> p.replace("departments.csv", "OCEZ,", "OC\u0000EZ,"),
            "departments.csv",
            3,
            1,
            "NUL",
            "NUL character"),
        new Case(
            "a byte order mark in the middle of a file (two files joined)",
            p -> p.replace("departments.csv", "\nOCEZ,", "\n\uFEFFOCEZ,"),
            "departments.csv",
            3,
            1,
            "BOM",
            "byte order mark (U+FEFF"),
        new Case(
            "a bare carriage return ending a line",
            p -> p.replace("departments.csv", "GOVERNMENT_BUREAU,\n", "GOVERNMENT_BUREAU,\r"),
            "departments.csv",
            2,
            6,
            "单独的回车符",
            "bare carriage return"),
        // --- formula injection in text cells ---
        formula("=HYPERLINK(\"http://evil\",\"点击\")", "“=”", "\"=\""),
        formula("+cmd|' /C calc'!A0", "“+”", "\"+\""),
        formula("@SUM(A1)", "“@”", "\"@\""),
        formula("-2+3", "“-”", "\"-\""),
        formula("\t=1+1", "制表符", "a tab"),
        formula("\r=1+1", "回车符", "a carriage return"),
        new Case(
            "formula injection after a separator note;+1+1",
            p -> p.replace("departments.csv", "HRSS,人力社保局,", "HRSS,\"人力社保局;+1+1\","),
            "departments.csv",
            2,
            2,
            "之后以 “+” 开始",
            "has \"+\" right after the separator \";\""),
        // --- identifiers that become file names (docs/reliability.md, attack finding 1) ---
        new Case(
            "a version that climbs out of its folder",
            p -> p.version("../../x"),
            "datapackage.json",
            0,
            0,
            "版本号会成为文件夹名",
            "a version becomes a folder name"),
        // --- sizes ---
        new Case(
            "a 10 MB cell",
            p ->
                p.replace(
                    "departments.csv", "HRSS,人力社保局,", "HRSS,人力社保局" + "局".repeat(10_000_000) + ","),
            "departments.csv",
            2,
            2,
            "65536",
            "longer than the limit of 65536 characters"),
        new Case(
            "a 2 MB line of short cells",
            p -> p.replace("departments.csv", "HRSS,人力社保局,", "HRSS," + "x,".repeat(1_000_000)),
            "departments.csv",
            2,
            524_288,
            "1048576",
            "row is longer than the limit of 1048576 characters"),
        // --- quoting and shape ---
        new Case(
            "a quote that is never closed",
            p -> p.appendLine("departments.csv", "NEW,\"新部门,,,CENTRE,"),
            "departments.csv",
            42,
            2,
            "引号到文件末尾都没有闭合",
            "never closed"),
        new Case(
            "text after a closing quote (or a quote closed only lines later)",
            p -> p.replace("departments.csv", "OCEZ,华侨试验区中心", "OCEZ,\"华侨\"试验区中心"),
            "departments.csv",
            3,
            2,
            "引号闭合后",
            "text after the closing quote"),
        new Case(
            "a row with a cell too few",
            p -> p.replace("departments.csv", "HRSS,人力社保局,", "HRSS,"),
            "departments.csv",
            2,
            6,
            "本行有 5 个单元格，表头有 6 列",
            "the row has 5 cells, the header has 6 columns"),
        new Case(
            "a missing column",
            p -> p.replace("areas.csv", "title_en,text_zh\n", "title_en\n"),
            "areas.csv",
            1,
            6,
            "缺少列 “text_zh”",
            "missing column \"text_zh\""),
        new Case(
            "an extra column",
            p -> p.replace("areas.csv", "title_en,text_zh\n", "title_en,text_zh,extra\n"),
            "areas.csv",
            1,
            7,
            "未知的列 “extra”",
            "unknown column \"extra\""),
        new Case(
            "a renamed header",
            p -> p.replace("areas.csv", "title_en", "english_title"),
            "areas.csv",
            1,
            5,
            "未知的列 “english_title”",
            "unknown column \"english_title\""),
        new Case(
            "a duplicated header",
            p -> p.replace("areas.csv", "title_en,text_zh", "title_en,title_en,text_zh"),
            "areas.csv",
            1,
            6,
            "重复的列 “title_en”",
            "duplicate column \"title_en\""),
        new Case(
            "an empty file",
            p -> p.edit("areas.csv", text -> ""),
            "areas.csv",
            1,
            1,
            "文件是空的",
            "the file is empty"),
        new Case(
            "a header-only table that others refer to",
            p -> p.edit("departments.csv", text -> text.substring(0, text.indexOf('\n') + 1)),
            "measure_departments.csv",
            2,
            4,
            "在 departments.csv 中不存在",
            "[HRSS] does not exist in departments.csv"),
        // --- keys ---
        new Case(
            "a duplicate primary key",
            p -> p.appendLine("departments.csv", "HRSS,人力社保局二,,,GOVERNMENT_BUREAU,"),
            "departments.csv",
            42,
            1,
            "与第 2 行重复",
            "key [code] value [HRSS] duplicates row 2"),
        new Case(
            "a dangling foreign key",
            p -> p.replace("measure_departments.csv", "P01,1,HRSS\n", "P01,1,NOPE\n"),
            "measure_departments.csv",
            2,
            4,
            "[NOPE] 在 departments.csv 中不存在",
            "[NOPE] does not exist in departments.csv"),
        new Case(
            "a required value left empty",
            p -> p.replace("departments.csv", "HRSS,人力社保局,", "HRSS,,"),
            "departments.csv",
            2,
            2,
            "缺少必填值",
            "required value missing in \"name_zh\""),
        // --- types ---
        wrongType(
            "text in a number field",
            "observations.csv",
            "_T,25222,",
            "_T,两万,",
            2,
            5,
            "数字",
            "is not a number"),
        wrongType(
            "NaN in a number field",
            "observations.csv",
            "_T,25222,",
            "_T,NaN,",
            2,
            5,
            "数字",
            "is not a number"),
        wrongType(
            "Infinity in a number field",
            "observations.csv",
            "_T,25222,",
            "_T,Infinity,",
            2,
            5,
            "数字",
            "is not a number"),
        wrongType(
            "a decimal comma in a number field",
            "observations.csv",
            "_T,25222,",
            "_T,\"25222,5\",",
            2,
            5,
            "数字",
            "is not a number"),
        wrongType(
            "text in an integer field",
            "plans.csv",
            ",2021,2025,COUNTY,",
            ",二〇二一,2025,COUNTY,",
            2,
            8,
            "不是整数",
            "is not an integer"),
        wrongType(
            "an integer beyond 32 bits",
            "plans.csv",
            ",2021,2025,COUNTY,",
            ",3000000000,2025,COUNTY,",
            2,
            8,
            "超出 -2147483648 至 2147483647",
            "outside -2147483648 to 2147483647"),
        wrongType(
            "a date in another format",
            "sources.csv",
            ",2020-11-13,",
            ",2020/11/13,",
            2,
            5,
            "不是日期",
            "is not a date (YYYY-MM-DD)"),
        wrongType(
            "the 30th of February",
            "sources.csv",
            ",2020-11-13,",
            ",2025-02-30,",
            2,
            5,
            "日历上没有这一天",
            "no such day in the calendar"),
        wrongType(
            "a 13th month",
            "sources.csv",
            ",2020-11-13,",
            ",2025-13-01,",
            2,
            5,
            "日历上没有这一天",
            "no such day in the calendar"),
        wrongType(
            "the year 0",
            "sources.csv",
            ",2020-11-13,",
            ",0000-01-01,",
            2,
            5,
            "日历上没有这一天",
            "no such day in the calendar"),
        wrongType(
            "text in a boolean field",
            "charities.csv",
            "Federation,,,,,",
            "Federation,,,,是,",
            2,
            8,
            "布尔值",
            "is not a boolean (true/false)"),
        // --- the descriptor and resource paths ---
        new Case(
            "a resource whose file is missing",
            p ->
                p.replace(
                    "datapackage.json",
                    "\"path\": \"departments.csv\"",
                    "\"path\": \"departments-2025.csv\""),
            "departments-2025.csv",
            0,
            0,
            "的文件不存在",
            "the file of resource departments does not exist"),
        new Case(
            "a resource with an absolute path",
            p ->
                p.replace(
                    "datapackage.json",
                    "\"path\": \"departments.csv\"",
                    "\"path\": \"/etc/passwd\""),
            "datapackage.json",
            0,
            0,
            "是绝对路径",
            "is absolute"),
        new Case(
            "a resource path that climbs out of the package",
            p ->
                p.replace(
                    "datapackage.json",
                    "\"path\": \"departments.csv\"",
                    "\"path\": \"../../etc/passwd\""),
            "datapackage.json",
            0,
            0,
            "指向数据包目录之外",
            "leads out of the package folder"),
        new Case(
            "a resource file that is a symbolic link to outside the package",
            PackageFixture::linkDepartmentsOutside,
            "departments.csv",
            0,
            0,
            "符号链接",
            "symbolic link to outside the package folder"),
        new Case(
            "no descriptor",
            p -> p.delete("datapackage.json"),
            "datapackage.json",
            0,
            0,
            "找不到数据包描述文件",
            "data package descriptor not found"),
        new Case(
            "a descriptor that is not JSON",
            p -> p.replace("datapackage.json", "\"resources\": [", "\"resources\": [,"),
            "datapackage.json",
            -1,
            -1,
            "JSON 格式错误",
            "invalid JSON"),
        new Case(
            "a descriptor that is not UTF-8",
            p -> p.reencode("datapackage.json", Charset.forName("GBK")),
            "datapackage.json",
            -1,
            -1,
            "不是 UTF-8",
            "the package descriptor is not UTF-8"));
  }

  private static Case formula(String text, String zh, String en) {
    String cell = "\"" + text.replace("\"", "\"\"") + "\"";
    return new Case(
        "formula injection " + text.replace("\t", "\\t").replace("\r", "\\r"),
        p -> p.replace("departments.csv", "HRSS,人力社保局,", "HRSS," + cell + ","),
        "departments.csv",
        2,
        2,
        "开头，电子表格会把它当作公式执行（公式注入规则",
        "\"name_zh\" starts with " + en + ", which spreadsheets run as a formula");
  }

  private static Case wrongType(
      String name, String file, String from, String to, int row, int column, String zh, String en) {
    return new Case(name, p -> p.replace(file, from, to), file, row, column, zh, en);
  }

  @BeforeEach
  void snapshot() throws Exception {
    before = DatabaseSnapshot.take(connections);
  }

  @AfterEach
  void nothingChanged() throws Exception {
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aBrokenPackageIsRefusedWithOnePreciseProblemAndChangesNothing(Case broken) {
    PackageFixture fixture =
        broken.breakIt().apply(PackageFixture.copyOfBundled(temp).version("9.0.0"));

    List<Problem> problems = refusedImport(fixture.directory());

    assertThat(problems)
        .as(problems.toString())
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo(broken.file());
              if (broken.row() >= 0) {
                assertThat(p.row()).isEqualTo(broken.row());
                assertThat(p.column()).isEqualTo(broken.column());
              } else {
                assertThat(p.row()).isPositive();
              }
              assertThat(p.zh()).contains(broken.zh());
              assertThat(p.en()).contains(broken.en());
            });
  }

  @Test
  void aTenMegabyteCellIsRefusedQuicklyWithoutBufferingIt() {
    PackageFixture fixture =
        PackageFixture.copyOfBundled(temp)
            .replace("departments.csv", "HRSS,人力社保局,", "HRSS,人力社保局" + "局".repeat(10_000_000) + ",");
    long start = System.nanoTime();
    List<Problem> problems = PackageValidator.validate(fixture.directory()).problems();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("10 MB cell: refused in " + millis + " ms");
    assertThat(problems)
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("departments.csv:2:2: "));
    assertThat(millis).isLessThan(5_000);
  }

  /**
   * A million-row observations file with one bad value in its last row: refused, the problem names
   * that row, the file's text is never held (only typed rows), and it takes seconds.
   */
  @Test
  void aMillionRowFileWithOneBadValueInTheLastRowIsRefusedAtThatRow() throws Exception {
    int rows = Integer.getInteger("corpus.rows", 1_000_000);
    PackageFixture fixture = PackageFixture.copyOfBundled(temp).version("9.0.0");
    Path observations = fixture.directory().resolve("observations.csv");
    long existing;
    try (Stream<String> lines = Files.lines(observations)) {
      existing = lines.count();
    }
    try (BufferedWriter out =
        Files.newBufferedWriter(observations, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      for (int i = 1; i <= rows; i++) {
        out.write("RESIDENT_POPULATION,331121,2020,");
        out.write(Integer.toString(100_000_000 + i));
        out.write(i == rows ? ",五十" : "," + i);
        out.write(",人,FINAL,OFFICIAL,WIKI_ZH_QINGTIAN,第七次全国人口普查,7th census\n");
      }
    }
    long lastRow = existing + rows;
    long bytes = Files.size(observations);
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    var threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();

    List<Problem> problems = refusedImport(fixture.directory());

    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf(
        "%d-row observations.csv (%d MB): refused in %d ms, heap %d MB before, peak %d MB (%d bytes"
            + " a row above the baseline)%n",
        rows, bytes >> 20, millis, baseline >> 20, peak >> 20, (peak - baseline) / rows);
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "observations.csv:"
                + lastRow
                + ":5: “value” 的值 “五十” 不是数字 / \"五十\" in \"value\" is not"
                + " a number");
    // CPU time, not wall time: on a shared machine the wall clock says more about the neighbours.
    assertThat(cpuMillis).isLessThan(Long.getLong("corpus.cpu-millis", 60_000));
  }

  @Test
  void aByteOrderMarkAtTheStartAndMixedLineEndsAreAcceptedWithTheSameContent() throws Exception {
    PackageFixture resaved =
        PackageFixture.copyOfBundled(temp)
            .edit("plans.csv", text -> "\uFEFF" + text)
            .edit("departments.csv", PackageFixture::mixLineEnds)
            .edit("measures.csv", text -> "\uFEFF" + text.replace("\n", "\r\n"));

    ValidatedPackage valid =
        PackageValidator.validate(List.of(resaved.directory(), PackageFixture.DEMO))
            .valid()
            .orElseThrow();

    assertThat(RowHash.ofPackage(valid))
        .isEqualTo(
            RowHash.ofPackage(
                PackageValidator.validate(List.of(PackageFixture.BUNDLED, PackageFixture.DEMO))
                    .valid()
                    .orElseThrow()));
    assertThat(importer.importPackage(valid, false, null, message -> {}).outcome())
        .isEqualTo(ImportResult.Outcome.UNCHANGED);
  }

  @Test
  void negativeNumbersInNumberFieldsAndHeaderOnlyTablesStayValid() throws Exception {
    // The plan package ships header-only tables (charity_grants.csv …) that the demo package fills.
    PackageFixture fixture =
        PackageFixture.copyOfBundled(temp)
            .version("9.0.1")
            .replace("observations.csv", "_T,25222,", "_T,-3.5,");

    ValidatedPackage valid = PackageValidator.validate(fixture.directory()).valid().orElseThrow();

    Table observations =
        valid.tables().stream()
            .filter(t -> t.name().equals("observations"))
            .findFirst()
            .orElseThrow();
    assertThat(observations.rows().get(0).get(4)).hasToString("-3.5");
    assertThat(valid.tables())
        .filteredOn(t -> t.name().equals("charity_grants"))
        .singleElement()
        .satisfies(t -> assertThat(t.rows()).isEmpty());
    assertThat(importer.importPackage(valid, true, null, message -> {}).outcome())
        .isEqualTo(ImportResult.Outcome.DRY_RUN);
  }

  /** Imports as the {@code import} command does, and returns why it was refused. */
  private List<Problem> refusedImport(Path directory) {
    Validation validation = PackageValidator.validate(directory);
    if (validation.isValid()) {
      try {
        importer.importPackage(validation.validPackage(), false, null, message -> {});
      } catch (ImportRefusedException refused) {
        return refused.problems();
      } catch (java.sql.SQLException e) {
        throw new AssertionError("the import failed without saying why in the package's terms", e);
      }
      throw new AssertionError("a broken package was imported");
    }
    assertThat(validation.problems()).isNotEmpty();
    return new ArrayList<>(validation.problems());
  }
}
