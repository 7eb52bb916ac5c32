package cn.qingtian.site;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The site's own words in Chinese and English; data comes from the API in the page's language. */
public final class Messages {

  /** Provenances from the strongest to the weakest (decision D6). */
  private static final List<String> PROVENANCE_ORDER = List.of("OFFICIAL", "SECONDARY", "DEMO");

  private static final Map<String, String[]> TEXT =
      Map.ofEntries(
          entry("skip", "跳到正文", "Skip to content"),
          entry("nav.home", "进展总览", "Progress"),
          entry("nav.plan", "方案结构", "The plan"),
          entry("nav.about", "关于与方法", "About and method"),
          entry("nav.api", "数据接口", "API"),
          entry("search", "检索", "Search"),
          entry("search.label", "检索词（中文或英文）", "Search words (Chinese or English)"),
          entry("search.found", "找到 {n} 项", "{n} found"),
          entry("search.none", "没有找到。请换个词试试。", "Nothing found. Try other words."),
          entry("search.loading", "正在载入检索索引……", "Loading the search index…"),
          entry("search.failed", "检索索引载入失败。", "The search index could not be loaded."),
          entry(
              "search.script", "检索需要浏览器启用 JavaScript。", "Search needs JavaScript in your browser."),
          entry(
              "search.api",
              "按类型、领域、单位或年份筛选，请使用数据接口的 search 查询：",
              "To filter by type, area, unit or year, use the API's search query:"),
          entry(
              "search.types",
              "INDICATOR=指标;MEASURE=举措;TARGET_GROUP=目标群体;DEPARTMENT=责任单位;ACHIEVEMENT=成果;CHARITY=慈善组织",
              "INDICATOR=Indicator;MEASURE=Measure;TARGET_GROUP=Target group;DEPARTMENT=Department;ACHIEVEMENT=Achievement;CHARITY=Charity"),
          entry("nav.main", "主导航", "Main"),
          entry("lang.switch", "English", "中文"),
          entry("elderly", "大字高对比", "Large text"),
          entry(
              "demo.banner",
              "本页含演示数据（DEMO）：合成数值，非真实统计，仅用于展示门户功能。",
              "This page shows DEMO data: synthetic values, not real statistics, shown only to demonstrate the portal."),
          entry("release", "数据版本", "Data release"),
          entry("published", "发布于", "published"),
          entry("report", "报告错误", "Report an error"),
          entry("report.none", "如发现错误，请联系发布单位。", "To report an error, contact the publisher."),
          entry("contact", "联系方式", "Contact"),
          entry("icp", "ICP备案号", "ICP filing"),
          entry("sitecode", "政府网站标识码", "Government website code"),
          entry(
              "unofficial",
              "英文为非官方译文，以中文为准。",
              "English is an unofficial translation; the Chinese text is authoritative."),
          entry("home.title", "进展总览", "Progress overview"),
          entry("home.counts", "各状态目标数", "Targets by status"),
          entry("home.final", "规划期最终评估", "Final evaluation of the plan period"),
          entry("home.cards", "主要目标", "Headline targets"),
          entry("home.filter.area", "按领域筛选", "Filter by area"),
          entry("home.filter.status", "按状态筛选", "Filter by status"),
          entry("home.filter.all", "全部", "All"),
          entry("final.achieved", "已实现", "Achieved"),
          entry("final.achievedAhead", "提前达标（暂定）", "Achieved ahead (provisional)"),
          entry("final.notAchieved", "未实现", "Not achieved"),
          entry("final.projected", "尚在评估期（按预测判断）", "Judged by projection"),
          entry("final.cannot", "无法判断", "Cannot be judged"),
          entry("latest", "最新值", "Latest"),
          entry("target", "目标", "Target"),
          entry("status", "状态", "Status"),
          entry("provenance", "来源类别", "Provenance"),
          entry("no.data", "暂无数据", "No data yet"),
          entry("indicator", "指标", "Indicator"),
          entry("definition", "定义", "Definition"),
          entry("scope", "统计口径", "Scope"),
          entry("unit", "单位", "Unit"),
          entry("frequency", "频率", "Frequency"),
          entry("statistical.unit", "统计单位", "Statistical unit"),
          entry("area", "领域", "Area"),
          entry("measure", "举措", "Measure"),
          entry("measures", "举措", "Measures"),
          entry("group", "目标群体", "Target group"),
          entry("groups", "八大群体激励计划", "Target groups"),
          entry("department", "责任单位", "Responsible unit"),
          entry("departments", "责任单位", "Responsible units"),
          entry("sentence", "原文", "As stated in the plan"),
          entry("sources", "来源", "Sources"),
          entry("chart", "图表", "Chart"),
          entry("table", "数据表", "Data table"),
          entry("period", "时期", "Period"),
          entry("value", "数值", "Value"),
          entry("geography", "地区", "Geography"),
          entry("footnote", "注释", "Note"),
          entry("path", "目标路径", "Target path"),
          entry("projection", "按当前速度预测", "Projection at the observed rate"),
          entry("comparison", "比较地区", "Comparison"),
          entry("summary", "进展摘要", "Summary"),
          entry("units.as.printed", "按方案原文所列顺序。", "In the order the document lists them."),
          entry(
              "units.per.measure",
              "每项举措后是其全部责任单位，按方案原文所列顺序。",
              "Each measure is followed by all its responsible units, in the order the document lists them."),
          entry("assigned.by.portal", "（门户指定）", "(assigned by the portal)"),
          entry(
              "statistical.unit.of",
              "以本单位为统计单位的指标（门户指定）",
              "Indicators it is the statistical unit of (assigned by the portal)"),
          entry(
              "portal.statistical.unit",
              "（门户指定的统计单位）",
              "(statistical unit assigned by the portal)"),
          entry(
              "statistical.unit.note",
              "方案原文没有为指标指定统计单位，以下是本门户的指定。",
              "The document names no statistical unit for its indicators; these are the portal's own assignments."),
          entry(
              "unit.not.in.document",
              "方案原文没有列出本单位；它只是本门户为指标指定的统计单位。",
              "The document does not list this unit; it is only a statistical unit the portal assigns to indicators."),
          entry("indicators", "指标", "Indicators"),
          entry("progress", "进展", "Progress"),
          entry("text", "原文", "Full text"),
          entry("principles", "基本原则", "Basic principles"),
          entry("areas", "主要目标", "Main objectives"),
          entry("sections", "主要实施路径", "Implementation paths"),
          entry("safeguards", "强化组织实施", "Safeguards"),
          entry("parents", "落实的上级方案", "Parent plans implemented"),
          entry("download", "下载本页数据（GraphQL）", "Data behind this page (GraphQL)"),
          entry("notfound.title", "找不到页面", "Page not found"),
          entry("notfound.text", "该页面不存在或已移动。", "This page does not exist or has moved."),
          entry("about.title", "关于本站与方法", "About and method"),
          entry("api.title", "数据接口（GraphQL）", "The API (GraphQL)"),
          entry("status.TARGET_ACHIEVED", "已实现", "Achieved"),
          entry("status.ACHIEVED_AHEAD", "提前达标（暂定）", "Achieved ahead (provisional)"),
          entry("status.NOT_ACHIEVED", "未实现", "Not achieved"),
          entry("status.ON_TRACK", "进展顺利", "On track"),
          entry("status.MODERATE", "进展一般", "Moderate progress"),
          entry("status.LIMITED", "进展有限", "Limited progress"),
          entry("status.DETERIORATION", "倒退", "Deterioration"),
          entry("status.INSUFFICIENT_DATA", "数据不足", "Insufficient data"),
          entry("status.NOT_ASSESSABLE", "无法评估", "Not assessable"),
          entry("charities", "慈善组织", "Charities"),
          entry("charity.field", "工作领域", "Field of work"),
          entry("charity.status", "状态", "Status"),
          entry("charity.recognized", "认定为慈善组织", "Recognized as a charity"),
          entry("charity.registered", "登记日期", "Registered"),
          entry("charity.authority", "登记管理机关", "Registration authority"),
          entry("charity.fundraising", "公开募捐资格", "Public fundraising"),
          entry("charity.tax", "税前扣除资格", "Tax-deductible donations"),
          entry("charity.overseas", "华侨创办或服务华侨", "Overseas Chinese"),
          entry("charity.finances", "历年财务", "Finances by year"),
          entry("charity.income", "捐赠收入（元）", "Donation income (yuan)"),
          entry("charity.programmes", "项目支出（元）", "Programme spending (yuan)"),
          entry("charity.admin", "管理费用（元）", "Administrative cost (yuan)"),
          entry("charity.beneficiaries", "受益人次", "Beneficiaries"),
          entry("charity.unknown", "未公开", "Not public"),
          entry("charity.yes", "是", "Yes"),
          entry("charity.no", "否", "No"),
          entry("year", "年份", "Year"),
          entry(
              "donations",
              "个人捐赠（按领域汇总，不公布姓名）",
              "Donations from individuals (aggregated per field; no names)"),
          entry("donors", "捐赠人数", "Donors"),
          entry("donations.total", "捐赠总额（元）", "Total (yuan)"),
          entry("withheld", "不公布（披露控制）", "Not published (disclosure control)"),
          entry("note", "说明", "Note"),
          entry("field.ELDERLY", "养老", "Elderly care"),
          entry("field.ORPHANS", "救孤", "Orphans"),
          entry("field.DISABILITY", "助残", "Disability"),
          entry("field.EDUCATION", "教育", "Education"),
          entry("field.HEALTH", "医疗", "Health"),
          entry("field.POVERTY", "扶贫济困", "Poverty relief"),
          entry("field.DISASTER", "救灾", "Disaster relief"),
          entry("field.COMMUNITY", "社区", "Community"),
          entry("field.OVERSEAS_CHINESE", "华侨", "Overseas Chinese"),
          entry("field.OTHER", "其他", "Other"),
          entry("charity.ACTIVE", "存续", "Active"),
          entry("charity.DEREGISTERED", "已注销", "Deregistered"),
          entry("provenance.OFFICIAL", "官方", "Official"),
          entry("provenance.SECONDARY", "转载", "Secondary"),
          entry("provenance.DEMO", "演示数据（DEMO）", "DEMO data (synthetic)"),
          entry("provenance.NO_DATA", "无数据", "No data"),
          entry("demo.label", "演示数据（DEMO）：", "DEMO data (synthetic): "),
          entry("demo.page", "本页含演示数据（DEMO）。", "This page shows DEMO data (synthetic). "),
          entry("demo.data", "数据含演示数据（DEMO）。", "Its data include DEMO data (synthetic). "),
          entry("source.OFFICIAL", "官方数据", "official data"),
          entry("source.SECONDARY", "转载数据", "secondary data"),
          entry("source.DEMO", "演示数据 DEMO", "DEMO data"),
          entry("source.mixed", "混合来源：", "mixed: "),
          entry("chart.lines", "图中各线：", "Lines: "),
          entry(
              "share.alt",
              "青田县“扩中”“提低”进展门户 2021–2025",
              "Qingtian County progress portal 2021–2025"),
          entry(
              "share.alt.demo",
              "青田县“扩中”“提低”进展门户 2021–2025，标有“演示数据（DEMO）：合成数值，非真实统计”",
              "Qingtian County progress portal 2021–2025, marked \"DEMO data: synthetic values, not"
                  + " real statistics\""),
          entry("demo.synthetic", "合成的演示数据，并非真实情况", "synthetic demo data, not real"),
          entry("achievements", "工作成果", "Achievements"),
          entry(
              "achievements.lede",
              "各责任单位报告的工作成果，按日期从新到旧排列，附量化产出和证据来源。",
              "What the responsible departments report they have delivered, newest first, with"
                  + " quantitative outputs and evidence."),
          entry("achievements.none", "暂无成果记录。", "No achievement reported yet."),
          entry("achievements.feed", "订阅成果（Atom）", "Achievements feed (Atom)"),
          entry("releases", "数据版本发布", "Data releases"),
          entry("releases.feed", "订阅数据版本（Atom）", "Releases feed (Atom)"),
          entry("outputs", "量化产出", "Outputs"),
          entry("evidence", "证据", "Evidence"),
          entry("served.measures", "服务举措", "Measures served"),
          entry("responsible", "负责单位", "Responsible"),
          entry("responsible.none", "来源未写明", "not named in the source"),
          entry("comparator.EQ", "", ""),
          entry("comparator.GT", "超过", "over "),
          entry("comparator.GE", "不少于", "at least "),
          entry("comparator.LT", "少于", "under "),
          entry("comparator.LE", "不超过", "at most "),
          entry("comparator.APPROX", "约", "about "),
          entry("counts.PROGRESS", "计入进度", "counts toward the target"),
          entry(
              "counts.CONTEXT",
              "仅作背景，不计入进度（定义不同）",
              "context only, not progress (a different definition)"),
          entry(
              "charity.chart.description",
              "按年份的捐赠收入、项目支出和管理费用（元）；演示数据为浅色虚线框。下表列出相同数字。",
              "Donation income, programme spending and administrative cost by year (yuan); DEMO"
                  + " bars are pale with a dashed outline. The table below holds the same figures."),
          entry("grants.made", "对外资助", "Grants made"),
          entry("grants.received", "收到的资助", "Grants received"),
          entry("grant.date", "资助日期", "Awarded"),
          entry("grant.recipient", "受资助组织", "Recipient"),
          entry("grant.funder", "资助方", "Funder"),
          entry("grant.amount", "金额（元）", "Amount (yuan)"),
          entry(
              "grants.note",
              "只公布组织之间的资助，不公布任何个人。360Giving 格式下载：",
              "Only grants between organizations are published, never to a person. 360Giving"
                  + " download:"),
          entry("scorecard", "记分卡", "Scorecard"),
          entry("scorecard.measures", "列为责任单位的举措", "Measures listing it as responsible"),
          entry("scorecard.achievements", "报告的成果", "Achievements reported"),
          entry("scorecard.targets", "相关目标", "Linked targets"),
          entry("scorecard.last", "最近更新", "Last update"),
          entry("scorecard.never", "尚无成果", "none yet"),
          entry("income", "家庭收入分布", "Household income distribution"),
          entry(
              "income.lede",
              "家庭年可支配收入分组的户数，来自经披露控制的家庭微观数据：少于10户的格不公布，户数舍入到5，并经线性规划审核，任何家庭都无法被识别。",
              "Households by annual disposable income, from household microdata after disclosure"
                  + " control: cells of fewer than 10 households are withheld, counts are rounded to"
                  + " base 5, and a linear-programming audit checks that no household can be"
                  + " singled out."),
          entry("income.method", "方法", "Method"),
          entry(
              "income.method.text",
              "每年按乡镇、城乡统计各收入组的户数。少于10户的格、整组家庭落在同一收入组的格不公布；为防止由合计推算，再一并不公布其他格（尽量沿用上年的格）；公布的户数舍入到5；区间审核保证每个不公布的格至少有上下10户的不确定范围，否则不发布该版本。低收入农户、低保、侨眷只在全县层面与收入组交叉。",
              "Each year, households are counted by income bracket per township and for urban and"
                  + " rural areas. A cell of fewer than 10 households, or one holding a whole group,"
                  + " is withheld; other cells are withheld with it so that it cannot be worked out"
                  + " from the totals (last year's cells where possible); published counts are"
                  + " rounded to base 5; an interval audit makes sure every withheld cell stays"
                  + " uncertain by at least 10 households either way, or the release is not"
                  + " published. Low-income farm households, dibao and families of overseas Chinese"
                  + " are crossed with income only for the whole county."),
          entry("income.report", "披露控制报告", "Disclosure report"),
          entry("income.table", "表", "Table"),
          entry("income.published", "公布的格", "Cells published"),
          entry("income.withheldCount", "不公布", "Withheld"),
          entry("income.audit", "审核通过", "Audit passed"),
          entry("income.table.TOWNSHIP", "乡镇 × 收入组", "Township × bracket"),
          entry("income.table.AREA", "城乡 × 收入组", "Urban/rural × bracket"),
          entry(
              "income.table.LOW_INCOME_FARM",
              "低收入农户 × 收入组",
              "Low-income farm households × bracket"),
          entry("income.table.DIBAO", "低保家庭 × 收入组", "Dibao households × bracket"),
          entry("income.table.MEAN", "各乡镇均值（差分隐私）", "Township means (differential privacy)"),
          entry("income.table.QIAOJUAN", "侨眷家庭 × 收入组", "Families of overseas Chinese × bracket"),
          entry(
              "income.demo",
              "这些表由合成的演示微观数据得出，并非真实的青田家庭。",
              "These tables come from synthetic demo microdata, not from real Qingtian households."),
          entry("income.county", "全县各收入组户数占比", "County households by bracket"),
          entry("income.plan.10_50", "10–50万元（方案目标70%）", "100,000–500,000 yuan (plan target 70%)"),
          entry("income.plan.20_60", "20–60万元（方案目标30%）", "200,000–600,000 yuan (plan target 30%)"),
          entry("income.townships", "各乡镇（街道）户数", "Households by township"),
          entry("income.areas", "城乡户数", "Households, urban and rural"),
          entry("income.row", "地区", "Area"),
          entry("income.withheld", "不公布", "withheld"),
          entry("income.withheld.title", "为什么有的格不公布", "Why some cells are withheld"),
          entry("withheld.WITHHELD", "不公布", "withheld"),
          entry(
              "withheld.WITHHELD.text",
              "户数少于10、一组家庭全在同一收入组，或为防止推算出其他不公布的格；均值和中位数还会因户数不公布、个别家庭占比过大或会缩小不公布的户数而不公布。"
                  + "不说明是哪一种原因，因为具体原因本身会缩小被隐藏的数值。",
              "Fewer than 10 households, a whole group in one bracket, or withheld so that other"
                  + " withheld cells cannot be worked out; means and medians also when the count is"
                  + " withheld, one or two incomes dominate, or they would narrow a withheld count."
                  + " Which reason applies is not said, because a specific reason narrows the value"
                  + " it hides."),
          entry("withheld.THRESHOLD", "少于10户", "under 10"),
          entry(
              "withheld.THRESHOLD.text",
              "这一格少于10户，公布会让人认出具体家庭。",
              "Fewer than 10 households: publishing it could single out a family."),
          entry("withheld.GROUP_DISCLOSURE", "同组", "whole group"),
          entry(
              "withheld.GROUP_DISCLOSURE.text",
              "这个乡镇的家庭全在同一收入组，公布会暴露每户的收入水平。",
              "All households of the township fall in this bracket: publishing it would tell each"
                  + " one's income."),
          entry("withheld.SECONDARY", "保护", "protective"),
          entry(
              "withheld.SECONDARY.text",
              "本身可以公布，但公布后能由合计推算出其他不公布的格，所以一并不公布。",
              "Safe in itself, but withheld so that other withheld cells cannot be worked out from"
                  + " the totals."),
          entry(
              "income.statistics", "家庭年可支配收入的均值与中位数（元）", "Mean and median household income (yuan)"),
          entry("income.mean", "均值", "Mean"),
          entry("income.median", "中位数", "Median"),
          entry(
              "income.statistics.note",
              "均值按全年第99百分位截尾后计算并舍入到100元，中位数舍入到1000元。",
              "Means are computed on incomes top-coded at the year's 99th percentile and rounded to"
                  + " 100 yuan; medians are rounded to 1,000 yuan."),
          entry("withheld.COUNT_WITHHELD", "户数未公布", "count withheld"),
          entry(
              "withheld.COUNT_WITHHELD.text",
              "这个乡镇的户数不公布，均值也就不能公布（户数乘均值即为总收入）。",
              "The township's household count is withheld, so its mean is too (count times mean"
                  + " gives the total)."),
          entry("withheld.DOMINANCE", "个别家庭占比过大", "dominated"),
          entry(
              "withheld.DOMINANCE.text",
              "一两户的收入占这个乡镇总收入的大部分，公布会暴露这几户的收入。",
              "One or two households make up most of the township's income: publishing it would"
                  + " reveal theirs."),
          entry("bracket.UNDER_10", "10万元以下", "Under 100,000"),
          entry("bracket.FROM_10_TO_20", "10–20万元", "100,000–200,000"),
          entry("bracket.FROM_20_TO_50", "20–50万元", "200,000–500,000"),
          entry("bracket.FROM_50_TO_60", "50–60万元", "500,000–600,000"),
          entry("bracket.FROM_60", "60万元及以上", "600,000 and over"),
          entry("bracket._T", "合计", "Total"),
          entry("nav.downloads", "数据下载", "Downloads"),
          entry("downloads.title", "数据下载", "Data downloads"),
          entry(
              "downloads.lede",
              "本站的全部公开数据，按数据集提供 CSV、Excel、JSON 等格式，可免费下载和再利用。",
              "All of the site's public data, dataset by dataset, as CSV, Excel, JSON and more,"
                  + " free to download and reuse."),
          entry("downloads.release", "整个版本", "The whole release"),
          entry("downloads.stable", "固定地址", "Stable addresses"),
          entry(
              "downloads.stable.versioned",
              "地址中带版本号的文件永不改变，引用时请使用：",
              "A file whose address names a version never changes: cite that one."),
          entry(
              "downloads.stable.latest",
              "地址中带 latest 的文件始终是当前版本的同名文件：",
              "An address with latest always gives the same file of the current release:"),
          entry(
              "downloads.stable.catalog",
              "当前版本的数据目录（DCAT-AP）：",
              "The data catalogue (DCAT-AP) of the current release:"),
          entry("downloads.licence", "许可协议", "Licence"),
          entry(
              "downloads.licence.text",
              "数据按以下许可协议发布，再利用时请注明来源：",
              "The data is published under this licence; please credit the source when you reuse"
                  + " it:"),
          entry("downloads.datasets", "数据集", "Datasets"),
          entry("downloads.rows", "行数", "Rows"),
          entry("downloads.coverage", "覆盖年份", "Years covered"),
          entry("downloads.frequency", "更新频率", "Updated"),
          entry("downloads.publisher", "发布者", "Publisher"),
          entry("downloads.table", "数据表", "Table"),
          entry("downloads.format", "格式", "Format"),
          entry("downloads.file", "文件", "File"),
          entry("downloads.size", "大小", "Size"),
          entry("downloads.sha256", "SHA-256 校验和", "SHA-256 checksum"),
          entry("downloads.files", "下载文件", "Files"),
          entry(
              "downloads.demo",
              "演示数据：含合成数值，并非真实统计",
              "DEMO data: contains synthetic values, not real statistics"),
          entry("frequency.ANNUAL", "每年", "Yearly"),
          entry("frequency.IRREGULAR", "不定期，随数据版本发布", "Irregular, with data releases"),
          entry("downloads.earlier", "更早的版本", "Earlier releases"),
          entry("downloads.earlier.none", "暂无更早的版本。", "There is no earlier release."),
          entry(
              "downloads.unavailable",
              "此版本发布于下载功能之前，没有可下载的文件。",
              "This release was published before downloads existed: it has no files to download."),
          entry("downloads.changes", "与上一版本相比", "Compared with the previous release"),
          entry(
              "downloads.changes.legend",
              "+ 新增行数，~ 修改行数，- 删除行数",
              "+ rows added, ~ rows changed, - rows removed"),
          entry("downloads.changes.none", "各表均无变化。", "No table changed."),
          entry("downloads.changes.tables", "{n} 张表有变化", "{n} tables changed"),
          entry("downloads.published", "发布于", "Published"),
          entry("downloads.none", "此版本没有可下载的数据集。", "This release has no datasets to download."),
          entry("downloads.block", "下载数据", "Download the data"),
          entry("downloads.all", "全部数据集和格式", "Every dataset and format"),
          entry(
              "file.DATA_PACKAGE",
              "数据包描述（Frictionless），含各表结构",
              "Data package descriptor (Frictionless), with every table's schema"),
          entry("file.ZIP", "整个版本全部文件的压缩包", "Every file of the release in one ZIP"),
          entry("file.CHECKSUMS", "全部文件的 SHA-256 校验和", "SHA-256 checksums of every file"),
          entry(
              "file.CHANGE_LOG",
              "变更日志：与上一版本相比新增、修改和删除的行",
              "Change log: rows added, changed and removed since the previous release"),
          entry("file.TURTLE", "DCAT-AP 数据目录（Turtle）", "DCAT-AP catalogue (Turtle)"),
          entry("file.JSON_LD", "DCAT-AP 数据目录（JSON-LD）", "DCAT-AP catalogue (JSON-LD)"));

  private final boolean english;

  private Messages(boolean english) {
    this.english = english;
  }

  public static Messages of(String lang) {
    return new Messages(lang.equals("en"));
  }

  public String get(String key) {
    String[] text = TEXT.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no message " + key);
    }
    return english ? text[1] : text[0];
  }

  /** The message of a key, or {@code fallback} when there is none. */
  public String orElse(String key, String fallback) {
    String[] text = TEXT.get(key);
    return text == null ? fallback : english ? text[1] : text[0];
  }

  public String status(String status) {
    return get("status." + status);
  }

  /** Yes, no, or "not public" for an unknown flag. */
  public String flag(@org.jspecify.annotations.Nullable Boolean value) {
    return value == null ? get("charity.unknown") : value ? get("charity.yes") : get("charity.no");
  }

  public String provenance(String provenance) {
    return get("provenance." + provenance);
  }

  /**
   * A sentence written from DEMO values, labelled at its start (decision D25) unless it already
   * carries the label: every DEMO label holds the token {@code DEMO} in both languages, as the
   * API's progress summaries do.
   */
  public String demoSentence(String sentence) {
    return isLabelled(sentence) ? sentence : get("demo.label") + sentence;
  }

  /** Items after the lead-in of {@code key}, as one sentence: 图中各线：甲；乙。 / Lines: A; B. */
  public String enumeration(String key, List<String> items) {
    return get(key) + String.join(english ? "; " : "；", items) + (english ? "." : "。");
  }

  /** Whether a text carries a DEMO label. */
  public static boolean isLabelled(String text) {
    return text.contains("DEMO");
  }

  /**
   * A series named with where its values come from, e.g. 青田县（演示数据 DEMO）, 丽水市（官方数据）, or
   * 青田县（混合来源：官方数据、演示数据 DEMO） when they mix.
   */
  public String series(String name, Collection<String> provenances) {
    return name + sources(provenances);
  }

  /**
   * Where values come from, as a note to put after them: （演示数据 DEMO） / " (DEMO data)"; empty for
   * none.
   */
  public String sources(Collection<String> provenances) {
    List<String> kinds =
        PROVENANCE_ORDER.stream()
            .filter(provenances::contains)
            .map(p -> get("source." + p))
            .toList();
    if (kinds.isEmpty()) {
      return "";
    }
    String sources =
        (kinds.size() > 1 ? get("source.mixed") : "") + String.join(english ? ", " : "、", kinds);
    return english ? " (" + sources + ")" : "（" + sources + "）";
  }

  private static Map.Entry<String, String[]> entry(String key, String zh, String en) {
    return Map.entry(key, new String[] {zh, en});
  }
}
