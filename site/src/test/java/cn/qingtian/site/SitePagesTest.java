package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SitePagesTest {

  private final SitePages pages = new SitePages();

  @Test
  void escapesDataInTextAndAttributes() {
    String html =
        pages.planOverview(
            new PlanOverview(
                "en\" onload=\"alert(1)",
                "<script>alert('x')</script>",
                "青委办发〔2022〕14号",
                "1.0.0",
                List.of(new PlanOverview.MeasureLine("P01", "A & B <i>", "en", "\"HRSS\""))));

    assertThat(html)
        .doesNotContain("<script>alert", "<i>", "\" onload=")
        .contains("&lt;script&gt;", "A &amp; B &lt;i&gt;");
  }

  @Test
  void marksTextsThatFellBackToChineseWithTheirLanguage() {
    String html =
        pages.planOverview(
            new PlanOverview(
                "en",
                "Qingtian action plan",
                null,
                "1.0.0",
                List.of(new PlanOverview.MeasureLine("P01", "扩大就业容量", "zh-CN", null))));

    assertThat(html).contains("<html lang=\"en\">", "<span lang=\"zh-CN\">扩大就业容量</span>");
  }
}
