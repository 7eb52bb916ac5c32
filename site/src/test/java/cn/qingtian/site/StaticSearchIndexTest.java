package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tokens of the static index, which assets/search.js makes the same way of a query. */
class StaticSearchIndexTest {

  @Test
  void chineseBecomesOverlappingPairsSoThatAWordIsFoundInsideLongerOnes() {
    assertThat(StaticSearchIndex.tokens("低收入农户")).containsExactlyInAnyOrder("低收", "收入", "入农", "农户");
    assertThat(StaticSearchIndex.tokens("低收入农户")).contains("收入");
    assertThat(StaticSearchIndex.tokens("助")).containsExactly("助");
  }

  @Test
  void otherTextBecomesLowerCaseWordsWithPluralsReduced() {
    assertThat(StaticSearchIndex.tokens("Pensions, policies and taxes for P13"))
        .containsExactlyInAnyOrder("pension", "policy", "and", "tax", "for", "p13");
    assertThat(StaticSearchIndex.tokens("business class")).contains("business", "class");
    assertThat(StaticSearchIndex.tokens("养老保险 pension")).contains("养老", "pension");
  }
}
