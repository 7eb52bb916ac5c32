package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import java.util.List;

/**
 * What a table's files say about themselves besides their rows: every download names its release,
 * licence and publisher, and says when DEMO rows are in it.
 */
record TableMetadata(
    String dataset,
    String title,
    String description,
    String release,
    String publishedAt,
    String license,
    String publisher,
    boolean demo,
    long rows,
    List<Field> fields) {

  static final String DEMO_NOTE =
      "含演示数据：provenance 列为 DEMO 的行是合成数据，不是真实统计。"
          + " / Contains DEMO data: rows whose provenance column is DEMO are synthetic, not real"
          + " statistics.";
}
