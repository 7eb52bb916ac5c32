package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SmallRateLimit;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.site.SiteException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;

/**
 * The site generator's queries run in-process: trusted, so never rate limited however many it
 * sends, yet held to the same depth and size limits as any client (D12).
 */
@ApiIntegrationTest
class InProcessLimitsTest extends SmallRateLimit {

  @Autowired ExecutionGraphQlService graphQl;
  @Autowired CurrentRelease current;

  @Test
  void theSiteGeneratorIsNotRateLimitedButMeetsTheQueryLimits() {
    InProcessGraphQlTransport transport = new InProcessGraphQlTransport(graphQl, current.get());
    // 10 queries of at least a point each: more than a client's whole window of 5.
    for (int i = 0; i < 10; i++) {
      assertThat(transport.execute("{ rateLimit { used } plans { totalCount } }", Map.of()))
          .contains("\"rateLimit\":null", "\"totalCount\"");
    }
    StringBuilder deep = new StringBuilder("{ measures { nodes { plan { measures { nodes");
    for (int i = 0; i < 4; i++) {
      deep.append(" { plan { measures { nodes");
    }
    deep.append(" { code }").append(" } } }".repeat(4)).append(" } } } } }");
    assertThatThrownBy(() -> transport.execute(deep.toString(), Map.of()))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("exceeds the limit of 15");
  }
}
