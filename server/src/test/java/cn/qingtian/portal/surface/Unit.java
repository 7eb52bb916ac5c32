package cn.qingtian.portal.surface;

import java.util.Map;

/**
 * The smallest piece of a public surface a label must share with a value (decision D25): a
 * sentence-sized element of a page, a meta tag or alt text, a feed entry, a file row, a JSON
 * object.
 *
 * @param where the file or answer and the place in it, for the report
 * @param text everything the reader sees in it
 * @param labelled whether it carries the DEMO label (or, for an API object, belongs to a record
 *     whose provenance is DEMO)
 * @param columns a row's values by column name, empty for units that are not rows
 */
record Unit(String where, String text, boolean labelled, Map<String, String> columns) {

  static Unit text(String where, String text) {
    return new Unit(where, text, SurfaceRules.saysDemo(text), Map.of());
  }

  static Unit row(String where, Map<String, String> columns) {
    String text = String.join(" ", columns.values());
    return new Unit(where, text, SurfaceRules.saysDemo(text), columns);
  }
}
