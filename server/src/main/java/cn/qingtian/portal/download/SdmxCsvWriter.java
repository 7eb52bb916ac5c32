package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Observations as SDMX-CSV 2.0 for the dataflow {@value #STRUCTURE_ID}: the dimensions INDICATOR,
 * REF_AREA, TIME_PERIOD and DISAGGREGATION, the measure OBS_VALUE and the attributes UNIT_MEASURE,
 * OBS_STATUS, PROVENANCE and SOURCE, in that (the structure's) order. {@link #structure()}
 * describes the structure.
 */
final class SdmxCsvWriter implements TableWriter {

  static final String MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0";
  static final String AGENCY = "QTPORTAL";
  static final String STRUCTURE_ID = AGENCY + ":OBSERVATIONS(1.0)";

  /** Each SDMX component and the observations column it comes from. */
  static final List<Component> COMPONENTS =
      List.of(
          new Component("INDICATOR", Role.DIMENSION, "indicator", "指标代码 / Indicator code"),
          new Component("REF_AREA", Role.DIMENSION, "geography", "地区代码 / Area code"),
          new Component("TIME_PERIOD", Role.TIME_DIMENSION, "period", "时期 / Time period"),
          new Component(
              "DISAGGREGATION",
              Role.DIMENSION,
              "disaggregation",
              "分组（_T 为合计）/ Breakdown (_T = total)"),
          new Component("OBS_VALUE", Role.MEASURE, "value", "观测值 / Observed value"),
          new Component("UNIT_MEASURE", Role.ATTRIBUTE, "unit_zh", "单位 / Unit"),
          new Component("OBS_STATUS", Role.ATTRIBUTE, "status", "观测状态 / Observation status"),
          new Component(
              "PROVENANCE",
              Role.ATTRIBUTE,
              "provenance",
              "可信度（DEMO 为合成数据）/ Provenance (DEMO = synthetic)"),
          new Component("SOURCE", Role.ATTRIBUTE, "source", "来源代码 / Source code"));

  /** The part a component plays in the data structure. */
  enum Role {
    DIMENSION,
    TIME_DIMENSION,
    MEASURE,
    ATTRIBUTE
  }

  record Component(String id, Role role, String column, String name) {}

  private final BufferedWriter writer;
  private final int[] columns;

  SdmxCsvWriter(OutputStream out, List<Field> fields) throws IOException {
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    List<String> names = fields.stream().map(Field::name).toList();
    this.columns = COMPONENTS.stream().mapToInt(c -> names.indexOf(c.column())).toArray();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] < 0) {
        throw new IllegalArgumentException(
            "observations have no column " + COMPONENTS.get(i).column());
      }
    }
    List<String> header = new java.util.ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
    COMPONENTS.forEach(component -> header.add(component.id()));
    line(header);
  }

  @Override
  public void row(List<@Nullable Object> values) throws IOException {
    List<String> line = new java.util.ArrayList<>(List.of("dataflow", STRUCTURE_ID, "I"));
    for (int column : columns) {
      line.add(CsvTableWriter.text(values.get(column)));
    }
    line(line);
  }

  /**
   * One CSV line (RFC 4180, CRLF), each field quoted where it holds a quote, a line break or any
   * separator a spreadsheet may split on, as in the portal's other CSV files (docs/reliability.md,
   * attack finding 13b).
   */
  private void line(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      CsvTableWriter.field(writer, fields.get(i));
    }
    writer.write("\r\n");
  }

  @Override
  public void close() throws IOException {
    writer.flush();
  }
}
