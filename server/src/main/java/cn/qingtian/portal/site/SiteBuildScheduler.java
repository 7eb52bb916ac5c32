package cn.qingtian.portal.site;

import cn.qingtian.portal.operations.PortalMetrics;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseChanged;
import cn.qingtian.site.ExtraFiles;
import cn.qingtian.site.SiteGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.stereotype.Component;

/**
 * The server's side of the site: decides when the site module's {@link SiteGenerator} builds the
 * public site for a release, with the files every {@link SiteExtras} adds (the downloads): on every
 * new release while serving (one build at a time, the newest release wins), and on demand for the
 * {@code publish} command. A build that fails is tried again later.
 */
@Component
public class SiteBuildScheduler implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SiteBuildScheduler.class);
  private static final Duration MAX_RETRY = Duration.ofMinutes(10);

  private final ExecutionGraphQlService graphQl;
  private final SiteProperties properties;
  private final List<SiteExtras> extras;
  // A thread that may block (the site generator waits for GraphQL answers), unlike Reactor's.
  private final ScheduledExecutorService builder =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> new Thread(runnable, "site-publisher"));
  private final AtomicReference<Release> pending = new AtomicReference<>();
  private final Clock clock;
  private final Duration firstRetry;
  private Duration nextRetry;
  private volatile SiteBuildState state = SiteBuildState.NONE;

  SiteBuildScheduler(
      ExecutionGraphQlService graphQl,
      SiteProperties properties,
      List<SiteExtras> extras,
      Clock clock) {
    this.graphQl = graphQl;
    this.clock = clock;
    this.properties = properties;
    this.extras = List.copyOf(extras);
    this.firstRetry = properties.retryAfter();
    this.nextRetry = firstRetry;
  }

  /** Builds the site of a release into {@code out}; runs on the calling thread. */
  public SiteGenerator.Result publish(
      Release release, Path out, java.util.function.Consumer<String> progress) {
    return new SiteGenerator(
            new InProcessGraphQlTransport(graphQl, release), properties.settings(), progress)
        .withExtraFiles(build -> extras.forEach(e -> write(e.forRelease(release), build)))
        .publish(out);
  }

  private static void write(ExtraFiles files, Path build) {
    try {
      files.writeInto(build);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add files to the site build " + build, e);
    }
  }

  /** How the last build this process tried went (for the {@code site} health component). */
  SiteBuildState state() {
    return state;
  }

  @Override
  public void destroy() {
    builder.shutdownNow();
  }

  @EventListener
  void onRelease(ReleaseChanged changed) {
    if (!properties.publishOnRelease() || changed.release().number() == 0) {
      return;
    }
    if (pending.getAndSet(changed.release()) == null) {
      builder.execute(this::buildPending);
    }
  }

  private void buildPending() {
    Release release = pending.get();
    long start = System.nanoTime();
    try {
      SiteGenerator.Result result =
          publish(release, properties.directory(), message -> log.info("site: {}", message));
      PortalMetrics.releaseBuilt(PortalMetrics.Part.SITE, start, true);
      log.info(
          "Site of release #{} published: {} pages, fetch {} ms, render {} ms",
          release.number(),
          result.pages(),
          result.fetchMillis(),
          result.renderMillis());
      nextRetry = firstRetry;
      state = state.built(release);
    } catch (RuntimeException e) {
      PortalMetrics.releaseBuilt(PortalMetrics.Part.SITE, start, false);
      // E.g. the database went away mid-build: try again later (the newest release by then), with
      // the wait doubling up to ten minutes, so the site catches up by itself once it is back.
      log.error(
          "Site of release #{} not published; the previous site stays; next try in {} s: {}",
          release.number(),
          nextRetry.toSeconds(),
          e.getMessage());
      state = state.failed(release, clock.instant());
      builder.schedule(this::buildPending, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
      nextRetry = Collections.min(List.of(nextRetry.multipliedBy(2), MAX_RETRY));
      return;
    }
    if (!pending.compareAndSet(release, null)) {
      builder.execute(this::buildPending);
    }
  }
}
