package cn.qingtian.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Clients choose operation names; the metrics must stay a bounded set of time series anyway. */
class OperationNamesTest {

  @Test
  void plainGraphQlNamesAreKeptAsTheyAre() {
    OperationNames names = new OperationNames(200);
    assertThat(names.tagFor("PlanTitles")).isEqualTo("PlanTitles");
    assertThat(names.tagFor("_indicator_2025")).isEqualTo("_indicator_2025");
    assertThat(names.tagFor("a".repeat(64))).isEqualTo("a".repeat(64));
  }

  @Test
  void namesThatAreNotPlainOrTooLongAreOther() {
    OperationNames names = new OperationNames(200);
    assertThat(names.tagFor("a".repeat(65))).isEqualTo(OperationNames.OTHER);
    assertThat(names.tagFor("1plans")).isEqualTo(OperationNames.OTHER);
    assertThat(names.tagFor("plans\"} 1\nfake_metric{")).isEqualTo(OperationNames.OTHER);
    assertThat(names.tagFor("计划")).isEqualTo(OperationNames.OTHER);
  }

  @Test
  void anOperationWithoutANameIsAnonymous() {
    OperationNames names = new OperationNames(200);
    assertThat(names.tagFor(null)).isEqualTo(OperationNames.ANONYMOUS);
    assertThat(names.tagFor("")).isEqualTo(OperationNames.ANONYMOUS);
  }

  @Test
  void pastTheLimitNewNamesAreOtherWhileNamesSeenBeforeStay() {
    OperationNames names = new OperationNames(3);
    assertThat(names.tagFor("First")).isEqualTo("First");
    assertThat(names.tagFor("Second")).isEqualTo("Second");
    assertThat(names.tagFor("Third")).isEqualTo("Third");
    assertThat(names.tagFor("Fourth")).isEqualTo(OperationNames.OTHER);
    assertThat(names.tagFor("First")).isEqualTo("First");
    for (int i = 0; i < 10_000; i++) {
      assertThat(names.tagFor("Attack" + i)).isEqualTo(OperationNames.OTHER);
    }
    assertThat(names.tagFor("Third")).isEqualTo("Third");
  }
}
