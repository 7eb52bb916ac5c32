package cn.qingtian.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders page models with the jte templates compiled into this jar; data is always escaped. */
public final class SiteRenderer {

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public String render(String template, Object model) {
    StringOutput output = new StringOutput(16 * 1024);
    templates.render(template + ".jte", model, output);
    return output.toString();
  }
}
