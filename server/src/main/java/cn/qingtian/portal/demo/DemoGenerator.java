package cn.qingtian.portal.demo;

import cn.qingtian.portal.dataset.DataPackage;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.ValidatedPackage;
import cn.qingtian.portal.disclosure.Household;
import cn.qingtian.portal.disclosure.MicrodataGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the synthetic DEMO data package ({@code datasets/demo/}): observations for Qingtian of
 * every quantified indicator of the plan, 2020 to 2023, 2024 or 2025, on trajectories chosen so
 * that every progress status appears. Deterministic: a fixed seed and fixed metadata, so two runs
 * write byte-identical files. Every row is labelled {@code DEMO}; docs/data.md describes the
 * assumptions.
 */
public final class DemoGenerator {

  /** The seed of the small noise on intermediate years. */
  public static final long SEED = 20211231L;

  static final String GEOGRAPHY = "331121";
  static final String SOURCE = "DEMO_GENERATOR";
  static final int BASE_YEAR = 2020;
  static final int TARGET_YEAR = 2025;

  private static final Set<String> WHOLE_UNITS = Set.of("元", "人", "户", "家", "个", "名", "人次", "是/否");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ValidatedPackage plan;
  private final List<List<String>> observations = new ArrayList<>();
  private final Set<String> realKeys = new HashSet<>();
  private final DemoAchievements achievements;

  private DemoGenerator(ValidatedPackage plan) {
    this.plan = plan;
    Table real = table("observations");
    for (Row row : real.rows()) {
      realKeys.add(row.get(0) + "|" + row.get(1) + "|" + row.get(2));
    }
    achievements = new DemoAchievements(table("indicators"), table("measure_departments"), SOURCE);
  }

  /** Generates the demo package of {@code planPackage} into {@code out}. */
  public static void generate(Path planPackage, Path out) throws IOException {
    ValidatedPackage plan =
        PackageValidator.validate(planPackage)
            .valid()
            .orElseThrow(() -> new IllegalArgumentException("invalid plan package " + planPackage));
    new DemoGenerator(plan).write(planPackage, out);
  }

  private void write(Path planPackage, Path out) throws IOException {
    List<Trajectory> trajectories = Trajectory.plan(table("indicators"), table("targets"));
    for (Trajectory trajectory : trajectories) {
      add(trajectory);
    }
    DemoCharities charities = DemoCharities.generate(SEED, SOURCE);
    Map<String, List<List<String>>> files = new LinkedHashMap<>();
    file(files, "sources", sourceHeader(), List.of(sourceRow()));
    file(files, "observations", observationHeader(), observations);
    file(files, "charities", DemoCharities.HEADER, charities.organizations());
    file(files, "charity_finances", DemoCharities.FINANCE_HEADER, charities.finances());
    file(files, "charity_donations", DemoCharities.DONATION_HEADER, charities.donations());
    file(files, "charity_grants", DemoCharities.GRANT_HEADER, charities.grants());
    file(files, "household_microdata", MICRODATA_HEADER, microdata());
    file(files, "achievements", DemoAchievements.HEADER, achievements.achievements);
    file(files, "achievement_measures", DemoAchievements.MEASURE_HEADER, achievements.measures);
    file(
        files,
        "achievement_departments",
        DemoAchievements.DEPARTMENT_HEADER,
        achievements.departments);
    file(files, "achievement_outputs", DemoAchievements.OUTPUT_HEADER, achievements.outputs);
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("datapackage.json"),
        descriptor(planPackage, files.keySet()),
        StandardCharsets.UTF_8);
    for (Map.Entry<String, List<List<String>>> file : files.entrySet()) {
      List<List<String>> rows = file.getValue();
      Files.writeString(
          out.resolve(file.getKey() + ".csv"),
          csv(rows.get(0), rows.subList(1, rows.size())),
          StandardCharsets.UTF_8);
    }
  }

  /** A resource of the package: its header row, then its rows. */
  private static void file(
      Map<String, List<List<String>>> files,
      String resource,
      List<String> header,
      List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    files.put(resource, all);
  }

  private void add(Trajectory trajectory) {
    SplittableRandom random = new SplittableRandom(SEED ^ trajectory.indicator().hashCode());
    Map<Integer, Double> values = trajectory.values();
    for (Map.Entry<Integer, Double> entry : values.entrySet()) {
      int year = entry.getKey();
      double value = entry.getValue();
      boolean endpoint =
          year == values.keySet().stream().min(Integer::compare).orElseThrow()
              || year == values.keySet().stream().max(Integer::compare).orElseThrow();
      if (!endpoint) {
        value *= 1 + (random.nextDouble() - 0.5) * trajectory.noise();
      }
      addRow(trajectory, Integer.toString(year), value, year >= 2024 ? "PROVISIONAL" : "FINAL");
    }
    if (trajectory.partialYear() != null) {
      int last = values.keySet().stream().max(Integer::compare).orElseThrow();
      String partial = Math.min(last + 1, TARGET_YEAR) + "-01-01/P9M";
      addRow(trajectory, partial, trajectory.partialYear(), "PROVISIONAL");
    }
  }

  private void addRow(Trajectory trajectory, String period, double value, String status) {
    if (achievements.counts(trajectory.indicator())) {
      if (period.length() == 4) {
        achievements.add(
            trajectory.indicator(), Integer.parseInt(period), format(value, trajectory.unit()));
      }
      return;
    }
    if (realKeys.contains(trajectory.indicator() + "|" + GEOGRAPHY + "|" + period)) {
      return;
    }
    observations.add(
        List.of(
            trajectory.indicator(),
            GEOGRAPHY,
            period,
            "_T",
            format(value, trajectory.unit()),
            trajectory.unit(),
            status,
            "DEMO",
            SOURCE,
            "演示数据：合成，非真实统计",
            "DEMO: synthetic, not a real statistic"));
  }

  static String format(double value, String unit) {
    int scale = WHOLE_UNITS.contains(unit) ? 0 : 2;
    BigDecimal decimal = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
  }

  private String descriptor(Path planPackage, Set<String> names) throws IOException {
    JsonNode planDescriptor =
        JSON.readTree(Files.readString(planPackage.resolve(DataPackage.DESCRIPTOR)));
    ObjectNode root = JSON.createObjectNode();
    root.put("name", "qingtian-demo");
    root.put("title", "演示数据（合成，非真实统计）/ DEMO data: synthetic, not real statistics");
    root.put(
        "description",
        "Synthetic observations for every quantified indicator of the Qingtian plan, charity"
            + " organizations with their finances, donation aggregates and grants, and achievements"
            + " for the measure-level targets, and private household income microdata (published only"
            + " through disclosure control), generated by"
            + " `java -jar portal-server.jar demo-data` with seed "
            + SEED
            + ". Every row is labelled DEMO. Never mistake them for official figures.");
    root.put("version", "1.4.0");
    root.put("created", "2026-11-29T00:00:00Z");
    root.set("licenses", planDescriptor.get("licenses"));
    var resources = root.putArray("resources");
    for (JsonNode resource : planDescriptor.get("resources")) {
      String name = resource.get("name").asString();
      if (names.contains(name)) {
        ObjectNode copy = (ObjectNode) resource.deepCopy();
        if (copy.has("schema") && copy.get("schema").has("foreignKeys")) {
          ((ObjectNode) copy.get("schema")).remove("foreignKeys");
        }
        resources.add(copy);
      }
    }
    return JSON.writeValueAsString(root) + "\n";
  }

  /** Households followed over 2020–2024; see MicrodataGenerator for the assumptions. */
  static final int MICRODATA_HOUSEHOLDS = 2_000;

  private static final List<String> MICRODATA_HEADER =
      List.of(
          "id",
          "township",
          "year",
          "size",
          "urban",
          "income",
          "low_income_farm",
          "dibao",
          "qiaojuan",
          "provenance");

  private static List<List<String>> microdata() {
    List<List<String>> rows = new ArrayList<>();
    for (Household h :
        MicrodataGenerator.generate(MicrodataGenerator.SEED, MICRODATA_HOUSEHOLDS, BASE_YEAR, 5)) {
      rows.add(
          List.of(
              h.id(),
              h.township(),
              Integer.toString(h.year()),
              Integer.toString(h.size()),
              Boolean.toString(h.urban()),
              Long.toString(h.income()),
              Boolean.toString(h.lowIncomeFarm()),
              Boolean.toString(h.dibao()),
              Boolean.toString(h.qiaojuan()),
              "DEMO"));
    }
    return rows;
  }

  private static List<String> sourceHeader() {
    return List.of("code", "title", "publisher", "url", "published", "accessed", "note_en");
  }

  private static List<String> sourceRow() {
    return List.of(
        SOURCE,
        "合成演示数据（非真实统计）",
        "青田进展门户演示数据生成器",
        "",
        "",
        "",
        "Synthetic DEMO values made by the portal's generator (seed "
            + SEED
            + "); not real statistics.");
  }

  private static List<String> observationHeader() {
    return List.of(
        "indicator",
        "geography",
        "period",
        "disaggregation",
        "value",
        "unit_zh",
        "status",
        "provenance",
        "source",
        "footnote_zh",
        "footnote_en");
  }

  private static String csv(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private Table table(String name) {
    return plan.tables().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the plan package has no " + name));
  }
}
