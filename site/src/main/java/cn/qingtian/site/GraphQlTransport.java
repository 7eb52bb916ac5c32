package cn.qingtian.site;

import java.util.Map;

/**
 * Runs a GraphQL document and returns the {@code data} of the answer as JSON text. The site is a
 * client of the API: in-process inside the portal, or over HTTP against any running portal.
 */
@FunctionalInterface
public interface GraphQlTransport {

  /**
   * @throws SiteException when the answer has errors or no data
   */
  String execute(String document, Map<String, Object> variables);
}
