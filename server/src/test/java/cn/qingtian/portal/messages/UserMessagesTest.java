package cn.qingtian.portal.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class UserMessagesTest {

  @Test
  void argumentsStandWhereTheTextNamesThemAndNumbersHaveNoGrouping() {
    assertThat(UserMessages.get("api.nodes.tooMany", 1000, 1001))
        .isEqualTo("ids 最多 1000 个（收到 1001）/ at most 1000 ids (got 1001)");
    assertThat(
            UserMessages.get(
                "ratelimit.query.overRemaining",
                120,
                20,
                Instant.parse("2026-01-01T00:01:00Z"),
                100,
                1000))
        .isEqualTo(
            "查询成本 120 超过剩余额度 20，额度于 2026-01-01T00:01:00Z 重置 / the query costs 120, 100"
                + " more than the 20 left of the rate limit of 1000; it resets at"
                + " 2026-01-01T00:01:00Z");
  }

  @Test
  void bracesAndQuotesThatAreNotPlaceholdersStayAsWritten() {
    assertThat(UserMessages.get("web.body.empty"))
        .isEqualTo(
            "请求没有内容：请发送 JSON {\"query\": …} / the request has no body: send JSON {\"query\": …}");
    assertThat(UserMessages.get("web.body.compressed", "{1} gzip'"))
        .isEqualTo(
            "请求内容不能压缩 / the request body must not be compressed (Content-Encoding: {1} gzip')");
  }

  @Test
  void anUnknownKeyOrAMissingArgumentIsAnError() {
    assertThatThrownBy(() -> UserMessages.get("no.such.key"))
        .isInstanceOf(MissingResourceException.class);
    assertThatThrownBy(() -> UserMessages.get("api.page.size", "first"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api.page.size");
  }
}
