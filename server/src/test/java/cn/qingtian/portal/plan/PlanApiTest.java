package cn.qingtian.portal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The plan structure as users query it: over real HTTP, from real PostgreSQL. */
@ApiIntegrationTest
@DatabaseTest
class PlanApiTest extends SharedDatabase {

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void servesTheQingtianPlanWithItsParentPlans() {
    var response = graphQl.documentName("planStructure").execute();
    response.path("plans.nodes[0].code").entity(String.class).isEqualTo("qt-kzt-2021-2025");
    response
        .path("plans.nodes[0].title")
        .entity(String.class)
        .isEqualTo("青田县“扩中”“提低”行动方案（2021-2025年）");
    response.path("plans.nodes[0].documentNumber").entity(String.class).isEqualTo("青委办发〔2022〕14号");
    response.path("plans.nodes[0].issueDate").entity(String.class).isEqualTo("2022-06-30");
    response
        .path("plans.nodes[0].issuers")
        .entityList(String.class)
        .containsExactly("中共青田县委办公室", "青田县人民政府办公室");
    response.path("plans.nodes[0].periodStart").entity(Integer.class).isEqualTo(2021);
    response.path("plans.nodes[0].periodEnd").entity(Integer.class).isEqualTo(2025);
    response
        .path("plans.nodes[0].parentPlans.nodes[*].documentNumber")
        .entityList(String.class)
        .containsExactly("浙委办发〔2022〕5号", "丽委发〔2021〕21号", "青委发〔2021〕176号");
    response.path("plans.nodes[0].principles").entityList(Object.class).hasSize(5);
    response
        .path("plans.nodes[0].areas[*].code")
        .entityList(String.class)
        .containsExactly("A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7");
  }

  /** The closed sets read as Java enums answer with the same names as the strings did. */
  @Test
  void answersLevelsKindsAndComparatorsByTheirNames() {
    var response =
        graphQl
            .document(
                "{ plans(first: 10) { nodes { code level } }"
                    + " geographies(first: 100) { nodes { code level } }"
                    + " measure(code: \"G01\") { kind }"
                    + " indicator(code: \"DISPOSABLE_INCOME_PER_CAPITA\") {"
                    + " targets { kind comparator } } }")
            .execute();
    response
        .path("plans.nodes[?(@.code == 'qt-kzt-2021-2025')].level")
        .entityList(String.class)
        .containsExactly("COUNTY");
    response
        .path("geographies.nodes[?(@.code == '330000')].level")
        .entityList(String.class)
        .containsExactly("PROVINCE");
    response
        .path("geographies.nodes[*].level")
        .entityList(String.class)
        .contains("PROVINCE", "CITY", "COUNTY");
    response.path("measure.kind").entity(String.class).isEqualTo("GROUP");
    response.path("indicator.targets[0].kind").entity(String.class).isEqualTo("LEVEL");
    response.path("indicator.targets[0].comparator").entity(String.class).isEqualTo("GE");
  }

  @Test
  void countsMeasuresExactlyAsTheDocumentNumbersThem() {
    var response = graphQl.documentName("planStructure").execute();
    response.path("all.totalCount").entity(Integer.class).isEqualTo(54);
    response.path("paths.totalCount").entity(Integer.class).isEqualTo(26);
    response.path("groups.totalCount").entity(Integer.class).isEqualTo(23);
    response.path("safeguards.totalCount").entity(Integer.class).isEqualTo(5);
    response
        .path("plans.nodes[0].sections[*].measures.totalCount")
        .entityList(Integer.class)
        .containsExactly(9, 4, 3, 2, 5, 3);
    response
        .path("plans.nodes[0].targetGroups.nodes[*].measures.totalCount")
        .entityList(Integer.class)
        .containsExactly(3, 4, 2, 2, 3, 3, 3, 3);
  }

  @Test
  void listsTheResponsibleUnitsAsTheDocumentPrintsThemWithTheirPositions() {
    var p01 = graphQl.documentName("measureUnits").variable("code", "P01").execute();
    p01.path("measure.title").entity(String.class).isEqualTo("扩大就业容量");
    p01.path("measure.departments.edges[*].node.name")
        .entityList(String.class)
        .containsExactly("人力社保局", "华侨试验区中心", "经济商务局", "经合中心（招商中心）");
    p01.path("measure.departments.edges[*].position")
        .entityList(Integer.class)
        .containsExactly(1, 2, 3, 4);

    // 13.大力发展慈善事业，促进三次分配。…（责任单位：民政局、税务局）
    var p13 = graphQl.documentName("measureUnits").variable("code", "P13").execute();
    p13.path("measure.departments.edges[*].node.code")
        .entityList(String.class)
        .containsExactly("CIVIL", "TAX");
    p13.path("measure.departments.edges[*].position")
        .entityList(Integer.class)
        .containsExactly(1, 2);
    p13.path("measure.departments.edges[*].node.namedInDocument")
        .entityList(Boolean.class)
        .containsExactly(true, true);

    graphQl
        .documentName("measureUnits")
        .variable("code", "P04")
        .execute()
        .path("measure.departments.edges[*].node.code")
        .entityList(String.class)
        .containsExactly("HRSS", "CIVIL", "DPF", "WOMEN", "VETERANS", "AGRI");
    graphQl
        .documentName("measureUnits")
        .variable("code", "P09")
        .execute()
        .path("measure.departments.edges[*].node.name")
        .entityList(String.class)
        .containsExactly("金融中心", "人行");
    graphQl
        .documentName("measureUnits")
        .variable("code", "G09")
        .execute()
        .path("measure.departments.edges[*].node.name")
        .entityList(String.class)
        .containsExactly("市场监管局", "银保监组", "人行", "金融中心");
    graphQl
        .documentName("measureUnits")
        .variable("code", "G23")
        .execute()
        .path("measure.departments.edges[*].node.name")
        .entityList(String.class)
        .containsExactly("县委统战部", "民政局", "华侨试验区中心", "侨联");
    graphQl
        .documentName("measureUnits")
        .variable("code", "S1")
        .execute()
        .path("measure.departments.totalCount")
        .entity(Integer.class)
        .isEqualTo(0);
  }

  @Test
  void marksTheStatisticalUnitsAsThePortalsAssignmentNotTheDocuments() {
    var response = graphQl.documentName("statisticalUnits").execute();
    response.path("indicator.statisticalUnit.code").entity(String.class).isEqualTo("STATS");
    response.path("indicator.statisticalUnitAttribution").entity(String.class).isEqualTo("PORTAL");
    response.path("stats.namedInDocument").entity(Boolean.class).isEqualTo(false);
    response.path("stats.measures.totalCount").entity(Integer.class).isEqualTo(0);
    response
        .path("stats.indicators.nodes[*].code")
        .entityList(String.class)
        .contains("DISPOSABLE_INCOME_PER_CAPITA");
    response.path("civil.namedInDocument").entity(Boolean.class).isEqualTo(true);
  }

  @Test
  void theDeprecatedRolesStillAnswerAsBeforeFromTheOrderOfTheList() {
    var response = graphQl.documentName("deprecatedRoles").execute();
    response
        .path("department.first.nodes[*].code")
        .entityList(String.class)
        .containsExactly("P13", "P17", "P18", "P23", "G21");
    response
        .path("department.edges.edges[?(@.position == 1)].role")
        .entityList(String.class)
        .containsExactly("LEAD", "LEAD", "LEAD", "LEAD", "LEAD");
    response
        .path("department.edges.edges[?(@.position > 1)].role")
        .entityList(String.class)
        .containsExactly("SUPPORT", "SUPPORT", "SUPPORT");
    response
        .path("department.scorecard.measuresLed[*].code")
        .entityList(String.class)
        .containsExactly("P13", "P17", "P18", "P23", "G21");
    response
        .path("department.scorecard.measuresSupported[*].code")
        .entityList(String.class)
        .containsExactly("P04", "G22", "G23");
    response
        .path("measure.departments.edges[*].node.code")
        .entityList(String.class)
        .containsExactly("TAX");
    response
        .path("measures.nodes[*].code")
        .entityList(String.class)
        .containsExactly("P04", "P14", "P17", "G21", "G22");
  }

  @Test
  void navigatesBetweenMeasuresUnitsGroupsAndIndicators() {
    var response = graphQl.documentName("navigation").execute();
    response.path("department.name").entity(String.class).isEqualTo("民政局");
    response.path("department.measures.totalCount").entity(Integer.class).isEqualTo(8);
    response
        .path("department.measures.edges[*].node.code")
        .entityList(String.class)
        .containsExactly("P04", "P13", "P17", "P18", "P23", "G21", "G22", "G23");
    response
        .path("department.measures.edges[*].position")
        .entityList(Integer.class)
        .containsExactly(2, 1, 1, 1, 1, 1, 3, 2);
    response
        .path("department.scorecard.measures[*].code")
        .entityList(String.class)
        .containsExactly("P04", "P13", "P17", "P18", "P23", "G21", "G22", "G23");
    response.path("targetGroup.group").entity(String.class).isEqualTo("低收入农户");
    response
        .path("targetGroup.measures.nodes[*].code")
        .entityList(String.class)
        .containsExactly("G18", "G19", "G20");
    response
        .path("targetGroup.measures.nodes[*].targetGroup.code")
        .entityList(String.class)
        .containsExactly("TG7", "TG7", "TG7");
    response.path("indicator.measure.code").entity(String.class).isEqualTo("G01");
    response.path("indicator.measure.targetGroup.code").entity(String.class).isEqualTo("TG1");
    response
        .path("indicator.measure.departments.edges[*].node.code")
        .entityList(String.class)
        .containsExactly("HRSS", "EDU", "ORG", "STONE");
    response
        .path("measures.nodes[*].code")
        .entityList(String.class)
        .containsExactly("P04", "P14", "P17", "G21", "G22");
  }

  @Test
  void givesEveryTargetItsExactValueComparatorAndSentence() {
    var indicators = graphQl.documentName("targets").execute().path("indicators.nodes");
    List<Map<String, Object>> nodes = indicators.entityList(MAP).get();
    Map<String, Map<String, Object>> byName = new HashMap<>();
    int targets = 0;
    for (Map<String, Object> indicator : nodes) {
      List<Map<String, Object>> list = (List<Map<String, Object>>) indicator.get("targets");
      targets += list.size();
      for (Map<String, Object> target : list) {
        byName.putIfAbsent(indicator.get("name") + "|" + target.get("kind"), target);
        assertThat((List<?>) target.get("quotes"))
            .as("quotes of %s", target.get("code"))
            .isNotEmpty();
      }
    }
    assertThat(targets).as("every checkable target of the document (D26)").isEqualTo(86);

    expect(byName, "居民人均可支配收入|LEVEL", "GE", 58000, "元");
    expect(byName, "城乡居民收入倍差|CEILING", "LE", 1.7, "倍");
    expect(byName, "城镇登记失业率|CEILING", "LE", 3.5, "%");
    expect(byName, "最低生活保障标准|LEVEL", "GE", 13000, "元");
    expect(byName, "人均预期寿命|LEVEL", "GE", 81.5, "岁");
    expect(byName, "基本养老保险参保人数|LEVEL", "GE", 355000, "人");
    expect(byName, "失业保险参保人数|LEVEL", "GE", 38000, "人");
    expect(byName, "工伤保险参保人数|LEVEL", "GE", 120000, "人");
    expect(byName, "经登记认定的慈善组织数量|LEVEL", "GE", 6, "家");
    expect(byName, "家庭年可支配收入10-50万元群体比例|SHARE", "GE", 70, "%");
    expect(byName, "家庭年可支配收入20-60万元群体比例|SHARE", "GE", 30, "%");
    expect(byName, "农村居民人均可支配收入|LEVEL", "GE", 44000, "元");
    expect(byName, "农村居民人均可支配收入|GROWTH_RATE", "GE", 10, "%");
    expect(byName, "城镇新增就业人数|CUMULATIVE_COUNT", "GE", 15000, "人");
    expect(byName, "市场主体数量|LEVEL", "GT", 40000, "家");
    expect(byName, "职业技能培训人次|ANNUAL_COUNT", "GE", 5000, "人次");
    expect(byName, "新建技能大师工作室数量|CUMULATIVE_COUNT", "GE", 25, "个");
    expect(byName, "新增小微企业数量|CUMULATIVE_COUNT", "GE", 3500, "家");
    expect(byName, "全县存贷款总额|LEVEL", "GT", 200_000_000_000L, "元");
    expect(byName, "养老机构护理型床位占比|SHARE", "GE", 58, "%");
    expect(byName, "政府性担保平均费率|CEILING", "LE", 1, "%");
    expect(byName, "中职毕业生升入高一级学校比例|SHARE", "GE", 50, "%");
    expect(byName, "新增博士人数|CUMULATIVE_COUNT", "GE", 25, "名");
    expect(byName, "新增硕士人数|CUMULATIVE_COUNT", "GE", 270, "名");
    expect(byName, "引进青年人才人数|CUMULATIVE_COUNT", "GE", 5000, "人");

    Map<String, Object> relational = byName.get("最低生活保障标准|RELATIONAL");
    assertThat(relational.get("comparator")).isEqualTo("GE");
    assertThat(relational)
        .extracting("relatedIndicator")
        .extracting("code")
        .isEqualTo("DISPOSABLE_INCOME_PER_CAPITA");
    Map<String, Object> caregivers = byName.get("每万老年人口拥有持证养老护理员数|LEVEL");
    assertThat((List<Map<String, Object>>) caregivers.get("quotes"))
        .as("a target stated twice is one target with both quotes (D2)")
        .hasSize(2);
    assertThat(byName.get("全国文明城市创建|MILESTONE").get("comparator")).isEqualTo("ACHIEVE");
    Map<String, Object> village = byName.get("“青田之窗”华侨文化示范村创建|MILESTONE");
    assertThat(village.get("comparator")).isEqualTo("ACHIEVE");
    assertThat(village.get("value")).isNull();
    assertThat((List<Map<String, Object>>) village.get("quotes"))
        .singleElement()
        .satisfies(
            quote -> {
              assertThat(quote.get("text").toString()).contains("“青田之窗”华侨文化示范村");
              assertThat(quote).extracting("area").extracting("code").isEqualTo("A7");
            });
    assertThat(
            (List<Map<String, Object>>) byName.get("世界华侨（中国青田）国际税收服务e站搭建|MILESTONE").get("quotes"))
        .as("stated in G08 and in P11: one target with both quotes (D2)")
        .extracting(quote -> ((Map<String, Object>) quote.get("measure")).get("code"))
        .containsExactly("G08", "P11");
    assertThat(byName.get("零就业家庭数|DYNAMIC_ZERO").get("value")).isEqualTo(0.0);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Map<String, Object>> MAP = (Class) Map.class;

  private static void expect(
      Map<String, Map<String, Object>> byName,
      String key,
      String comparator,
      Number value,
      String unit) {
    Map<String, Object> target = byName.get(key);
    assertThat(target).as(key).isNotNull();
    assertThat(target.get("comparator")).as(key).isEqualTo(comparator);
    assertThat(((Number) target.get("value")).doubleValue()).as(key).isEqualTo(value.doubleValue());
    assertThat(target.get("unit")).as(key).isEqualTo(unit);
    assertThat(target.get("targetYear")).as(key).isEqualTo(2025);
  }
}
