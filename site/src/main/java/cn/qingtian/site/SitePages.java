package cn.qingtian.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders page models with the jte templates compiled into this jar; data is always escaped. */
public final class SitePages {

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public String planOverview(PlanOverview page) {
    StringOutput output = new StringOutput();
    templates.render("plan-overview.jte", page, output);
    return output.toString();
  }
}
