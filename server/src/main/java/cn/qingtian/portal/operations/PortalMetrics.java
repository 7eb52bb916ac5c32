package cn.qingtian.portal.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal's own meters, recorded where the work happens. They go to Micrometer's global
 * registry, to which Boot adds the registry {@code /actuator/prometheus} reads ({@code
 * management.metrics.use-global-registry}, on by default): the places that measure need no new
 * collaborator, and a command without a web server records into nothing that matters.
 */
public final class PortalMetrics {

  /** Timer: building one part of a release's output, tags {@code part} and {@code outcome}. */
  public static final String RELEASE_BUILD = "portal.release.build";

  /** Timer: the start-up import (validation and import), tag {@code outcome}. */
  public static final String IMPORT = "portal.import";

  /** Counter: queries refused by the rate limit, tag {@code reason}. */
  public static final String RATE_LIMIT_REJECTIONS = "portal.ratelimit.rejections";

  /** Counter: requests refused because the server was answering as many as it may (HTTP 503). */
  public static final String OVERLOAD_REJECTIONS = "portal.overload.rejections";

  /** Gauge: requests being worked on now (those the overload bound counts). */
  public static final String IN_FLIGHT = "portal.http.in.flight";

  /** Gauge: open HTTP connections (those the connection bound counts). */
  public static final String CONNECTIONS = "portal.http.connections";

  /** Gauge: the number of the release being served (0 before any). */
  public static final String CURRENT_RELEASE = "portal.release.current";

  /** What a release build produces. */
  public enum Part {
    SITE,
    DOWNLOADS,
    SEARCH;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why the rate limit refused a query. */
  public enum Rejection {
    /** The client's window was spent before the query: refused before it was parsed. */
    WINDOW_SPENT,
    /** The measured query costs more than what is left of the window. */
    COST_OVER_REMAINING,
    /** The measured query costs more than the whole window (a 400, not a 429). */
    COST_OVER_WINDOW,
    /**
     * The client sent as many refused queries (invalid, too deep, too large) as a window allows.
     */
    TOO_MANY_REFUSED,
    /** The client already has as many queries running as it may. */
    TOO_MANY_CONCURRENT;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private PortalMetrics() {}

  /**
   * Records how long a part of a release took, from {@code startNanos} ({@link System#nanoTime()})
   * until now.
   */
  public static void releaseBuilt(Part part, long startNanos, boolean succeeded) {
    Timer.builder(RELEASE_BUILD)
        .description("Time to build a part of a release's output (site, downloads, search index)")
        .tag("part", part.tag())
        .tag("outcome", succeeded ? "success" : "failure")
        .register(Metrics.globalRegistry)
        .record(since(startNanos));
  }

  /**
   * Records how long the start-up import took, from {@code startNanos} until now; {@code outcome}
   * is one of a few fixed words (published, unchanged, older, invalid, refused, failed).
   */
  public static void imported(String outcome, long startNanos) {
    Timer.builder(IMPORT)
        .description("Time to validate and import the bundled data packages at start-up")
        .tag("outcome", outcome.toLowerCase(Locale.ROOT))
        .register(Metrics.globalRegistry)
        .record(since(startNanos));
  }

  /** Counts one query the rate limit refused. */
  public static void rateLimited(Rejection reason) {
    Counter.builder(RATE_LIMIT_REJECTIONS)
        .description("Queries to /graphql refused by the rate limit (HTTP 429)")
        .tag("reason", reason.tag())
        .register(Metrics.globalRegistry)
        .increment();
  }

  /** Counts one request refused because too many were in flight. */
  public static void overloaded() {
    Counter.builder(OVERLOAD_REJECTIONS)
        .description("Requests refused with HTTP 503 because the server was at its in-flight bound")
        .register(Metrics.globalRegistry)
        .increment();
  }

  /**
   * Reports the number of requests in flight, read from {@code inFlight} at each scrape, to the web
   * server's own registry: a gauge follows one object, and each server has its own count.
   */
  public static void inFlight(MeterRegistry registry, AtomicInteger inFlight) {
    Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
        .description("Requests being answered now (the actuator and subscriptions not counted)")
        .register(registry);
  }

  /** Reports the number of open HTTP connections, read from {@code open} at each scrape. */
  public static void connections(MeterRegistry registry, AtomicInteger open) {
    Gauge.builder(CONNECTIONS, open, AtomicInteger::get)
        .description("Open HTTP connections (the server stops accepting at the bound)")
        .register(registry);
  }

  /** Milliseconds from {@code startNanos} until now, for log lines. */
  public static long millisSince(long startNanos) {
    return since(startNanos).toMillis();
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
