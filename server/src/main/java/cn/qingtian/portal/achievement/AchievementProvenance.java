package cn.qingtian.portal.achievement;

import cn.qingtian.portal.dataset.DerivedTables;
import cn.qingtian.portal.dataset.Field;
import cn.qingtian.portal.dataset.FieldType;
import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A step of the disclosure gate that lets the label travel with the values (decision D25): the
 * tables that belong to an achievement (its outputs, measures and departments) are published with
 * the achievement's provenance in every row, so a file row of a DEMO achievement's output says DEMO
 * itself. A package types provenance once, on the achievement.
 */
@Component
@Order(AchievementProvenance.ORDER)
class AchievementProvenance implements DerivedTables {

  static final int ORDER = 250;
  static final List<String> PARTS =
      List.of("achievement_outputs", "achievement_measures", "achievement_departments");
  private static final Field PROVENANCE =
      new Field(
          "provenance",
          FieldType.STRING,
          true,
          false,
          List.of("OFFICIAL", "SECONDARY", "DEMO"),
          null,
          null,
          null,
          null);

  @Override
  public List<Table> derive(ReleaseTables release) {
    Map<String, Achievements.Reported> reported = Achievements.reported(release);
    List<Table> labelled = new ArrayList<>();
    for (String name : PARTS) {
      release
          .table(name)
          .filter(table -> table.schema().indexOf(PROVENANCE.name()) < 0)
          .ifPresent(table -> labelled.add(labelled(table, reported)));
    }
    return labelled;
  }

  /** The table with one more column, its achievement's provenance; its rows stay the package's. */
  private static Table labelled(Table table, Map<String, Achievements.Reported> reported) {
    TableSchema schema = table.schema();
    List<Field> fields = new ArrayList<>(schema.fields());
    fields.add(PROVENANCE);
    Resource resource = table.resource();
    Resource withProvenance =
        new Resource(
            resource.name(),
            resource.path(),
            resource.title(),
            resource.description()
                + " provenance 为所属成果的来源类别。 / provenance is that of the achievement.",
            new TableSchema(
                fields,
                schema.primaryKey(),
                schema.uniqueKeys(),
                schema.foreignKeys(),
                schema.missingValues()),
            resource.privateData());
    List<Row> rows = new ArrayList<>();
    for (Row row : table.rows()) {
      List<@Nullable Object> values = new ArrayList<>(row.values());
      Achievements.Reported achievement = reported.get((String) table.value(row, "achievement"));
      // The package's foreign key makes every part belong to an achievement of the release.
      values.add(achievement == null ? null : achievement.provenance().name());
      rows.add(new Row(row.file(), row.number(), values));
    }
    return new Table(withProvenance, rows);
  }
}
