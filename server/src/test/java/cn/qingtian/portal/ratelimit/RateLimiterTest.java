package cn.qingtian.portal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final Instant START = Instant.parse("2026-11-30T01:00:00.900Z");

  private Instant now = START;

  private final RateLimiter limiter =
      new RateLimiter(
          new RateLimitProperties(
              true,
              10,
              Duration.ofMinutes(1),
              "X-Forwarded-For",
              List.of("127.0.0.1"),
              100,
              2,
              3,
              Duration.ofMillis(10),
              ""),
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  @Test
  void aFirstQueryThatShowsItsStandingIsChargedToTheWindowItShowed() {
    RateLimitStatus shown = limiter.open("203.0.113.1");
    assertThat(shown.used()).isZero();
    assertThat(shown.resetAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));

    now = START.plusMillis(200); // the query runs on, across a second boundary
    RateLimitStatus charged = limiter.charge("203.0.113.1", 3);

    assertThat(charged.resetAt()).isEqualTo(shown.resetAt());
    assertThat(charged.used()).isEqualTo(3);
  }

  @Test
  void openingSpendsNothingAndAnEndedWindowStartsAgain() {
    limiter.charge("203.0.113.1", 4);
    assertThat(limiter.open("203.0.113.1").used()).isEqualTo(4);

    now = START.plus(Duration.ofMinutes(2));
    RateLimitStatus fresh = limiter.open("203.0.113.1");
    assertThat(fresh.used()).isZero();
    assertThat(fresh.resetAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
  }

  @Test
  void refusedQueriesSpendNoPointsButAreCountedUntilTheWindowEnds() {
    String client = "203.0.113.2";
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.refusalsSpent(client)).isFalse();
      assertThat(limiter.refused(client).used()).isZero();
    }
    assertThat(limiter.refusalsSpent(client)).isTrue();
    assertThat(limiter.peek(client).remaining()).isEqualTo(10);

    now = START.plus(Duration.ofMinutes(2));
    assertThat(limiter.refusalsSpent(client)).isFalse();
  }

  @Test
  void aClientRunsAtMostItsConcurrentQueriesAndEveryFinishedOneFreesASlot() {
    String client = "203.0.113.3";
    assertThat(limiter.tryStart(client)).isTrue();
    assertThat(limiter.tryStart(client)).isTrue();
    assertThat(limiter.tryStart(client)).isFalse();
    assertThat(limiter.tryStart("203.0.113.4")).as("another client").isTrue();
    limiter.finish(client);
    assertThat(limiter.tryStart(client)).isTrue();
  }

  /**
   * Slow queries admitted together can overspend a window (they are charged their server time once
   * they end): the excess is owed by the next windows, not forgiven at the reset.
   */
  @Test
  void whatAWindowOverspentIsOwedByTheNextWindows() {
    limiter.charge("203.0.113.9", 35); // four slow queries of one burst: 35 of 10 points

    now = START.plus(Duration.ofMinutes(1));
    RateLimitStatus next = limiter.peek("203.0.113.9");
    assertThat(next.used()).as("the next window starts owing the excess").isEqualTo(25);
    assertThat(next.remaining()).isZero();
    assertThat(limiter.charge("203.0.113.9", 1).used()).isEqualTo(26);

    now = START.plus(Duration.ofMinutes(2)).plusSeconds(30); // that window ended owing 16
    assertThat(limiter.peek("203.0.113.9").used()).isEqualTo(16);

    now = START.plus(Duration.ofMinutes(3)).plusSeconds(1); // one whole idle window paid off 10
    assertThat(limiter.peek("203.0.113.9").used()).isEqualTo(6);
    assertThat(limiter.charge("203.0.113.9", 1).remaining()).isEqualTo(3);
  }

  @Test
  void aFullTableForgetsOnlyWindowsThatNoLongerMatterAndNeverCountsAClientByForgettingAnother() {
    limiter.charge("198.51.100.0", 25); // overspends by 15: owed for two windows after this one
    for (int i = 1; i < 100; i++) {
      limiter.charge("198.51.100." + i, 1);
    }
    assertThat(limiter.charge("203.0.113.1", 3).used())
        .as("not counted: the table is full")
        .isZero();
    assertThat(limiter.peek("203.0.113.1").used()).isZero();
    assertThat(limiter.peek("198.51.100.1").used()).as("no one was forgotten for it").isEqualTo(1);

    now = START.plus(Duration.ofMinutes(1)); // every window ended; one still owes 15
    limiter.charge("203.0.113.1", 3);
    assertThat(limiter.peek("203.0.113.1").used())
        .as("counted: ended windows made room")
        .isEqualTo(3);
    assertThat(limiter.peek("198.51.100.0").used()).as("still owing").isEqualTo(15);

    now = START.plus(Duration.ofMinutes(2)).plusSeconds(30); // one idle window paid off 10 of 15
    assertThat(limiter.peek("198.51.100.0").used()).isEqualTo(5);
    now = START.plus(Duration.ofMinutes(3)); // two windows after its end: paid off
    assertThat(limiter.peek("198.51.100.0").used()).isZero();
  }
}
