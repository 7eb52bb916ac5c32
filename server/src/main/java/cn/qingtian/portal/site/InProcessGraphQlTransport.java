package cn.qingtian.portal.site;

import cn.qingtian.portal.release.Release;
import cn.qingtian.site.GraphQlTransport;
import cn.qingtian.site.SiteException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the site's documents inside the portal, without HTTP, all against one release: the site
 * shows exactly what the API answers for that release.
 */
final class InProcessGraphQlTransport implements GraphQlTransport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicLong IDS = new AtomicLong();

  private final ExecutionGraphQlService graphQl;
  private final Release release;

  InProcessGraphQlTransport(ExecutionGraphQlService graphQl, Release release) {
    this.graphQl = graphQl;
    this.release = release;
  }

  @Override
  public String execute(String document, Map<String, Object> variables) {
    var request =
        new DefaultExecutionGraphQlRequest(
            document, null, variables, null, "site-" + IDS.incrementAndGet(), null);
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of("release", release)).build());
    ExecutionGraphQlResponse response = graphQl.execute(request).block(Duration.ofMinutes(2));
    if (response == null || !response.getErrors().isEmpty()) {
      throw new SiteException(
          "GraphQL errors: " + (response == null ? "no response" : response.getErrors()));
    }
    Object data = response.getData();
    if (data == null) {
      throw new SiteException("GraphQL answered without data");
    }
    return JSON.writeValueAsString(data);
  }
}
