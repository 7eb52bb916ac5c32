package cn.qingtian.portal.download;

import cn.qingtian.portal.download.SdmxCsvWriter.Component;
import cn.qingtian.portal.download.SdmxCsvWriter.Role;
import cn.qingtian.portal.release.Release;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Describes the data structure of the observations' SDMX-CSV, shaped like an SDMX-JSON 2.0
 * structure message: the dataflow, and the structure's dimensions, time dimension, measure and
 * attributes in column order.
 */
final class SdmxStructure {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SdmxStructure() {}

  static String json(Release release) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("meta");
    meta.put("id", "QTPORTAL-OBSERVATIONS-" + release.version());
    meta.put("prepared", release.publishedAt());
    meta.putObject("sender").put("id", SdmxCsvWriter.AGENCY);
    ObjectNode data = root.putObject("data");
    ObjectNode flow = data.putArray("dataflows").addObject();
    flow.put("id", "OBSERVATIONS");
    flow.put("agencyID", SdmxCsvWriter.AGENCY);
    flow.put("version", "1.0");
    flow.put("name", "青田县“扩中”“提低”指标观测值 / Observations of the Qingtian plan's indicators");
    flow.put(
        "structure",
        "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + SdmxCsvWriter.STRUCTURE_ID);
    ObjectNode structure = data.putArray("dataStructures").addObject();
    structure.put("id", "OBSERVATIONS");
    structure.put("agencyID", SdmxCsvWriter.AGENCY);
    structure.put("version", "1.0");
    structure.put("name", flow.get("name").asString());
    ObjectNode components = structure.putObject("dataStructureComponents");
    ObjectNode dimensionList = components.putObject("dimensionList");
    ArrayNode dimensions = dimensionList.putArray("dimensions");
    ArrayNode time = dimensionList.putArray("timeDimensions");
    ArrayNode measures = components.putObject("measureList").putArray("measures");
    ArrayNode attributes = components.putObject("attributeList").putArray("attributes");
    int position = 0;
    for (Component component : SdmxCsvWriter.COMPONENTS) {
      ArrayNode list =
          switch (component.role()) {
            case DIMENSION -> dimensions;
            case TIME_DIMENSION -> time;
            case MEASURE -> measures;
            case ATTRIBUTE -> attributes;
          };
      ObjectNode node = list.addObject();
      node.put("id", component.id());
      node.put("name", component.name());
      node.put("column", component.column());
      if (component.role() == Role.DIMENSION || component.role() == Role.TIME_DIMENSION) {
        node.put("position", position++);
      }
      if (component.role() == Role.ATTRIBUTE) {
        node.putObject("attributeRelationship").putObject("observation");
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
