package cn.qingtian.portal.release;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The release every request reads. It polls PostgreSQL, so a release imported by another process
 * (another portal instance, or the {@code import} command) is picked up within one interval
 * (decision D4); a request that started on the previous release finishes on it. A new release is
 * prepared before it is served ({@link ReleasePreparation}).
 */
@Component
@EnableConfigurationProperties(ReleaseProperties.class)
public class CurrentRelease implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CurrentRelease.class);

  private final ReleaseRepository releases;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<ReleasePreparation> preparations;
  private final Duration pollInterval;
  private final Duration warmUpTimeout;
  private final AtomicReference<Release> current = new AtomicReference<>(Release.NONE);
  private final ReleaseCache<Boolean> prepared = new ReleaseCache<>();
  private final AtomicBoolean unreachable = new AtomicBoolean();
  private volatile Disposable polling;

  CurrentRelease(
      ReleaseRepository releases,
      ApplicationEventPublisher events,
      ObjectProvider<ReleasePreparation> preparations,
      ReleaseProperties properties) {
    this.releases = releases;
    this.events = events;
    this.preparations = preparations;
    this.pollInterval = properties.pollInterval();
    this.warmUpTimeout = properties.warmUpTimeout();
  }

  /** The release to read now. */
  public Release get() {
    return current.get();
  }

  /**
   * Reads the latest release from the database and makes it current: at once at start-up, else once
   * it is prepared (every {@link ReleasePreparation}, bounded by the warm-up timeout), while the
   * release before it is still served.
   */
  public Mono<Release> refresh() {
    return releases
        .latest()
        .flatMap(latest -> prepared(latest).thenReturn(latest))
        .doOnNext(this::switchTo)
        .defaultIfEmpty(Release.NONE);
  }

  private Mono<Void> prepared(Release latest) {
    Release served = current.get();
    if (served.number() == 0 || served.number() == latest.number()) {
      return Mono.empty(); // nothing is served yet to keep serving, or nothing new
    }
    // The poll and a caller of refresh() may see the new release at once: one preparation.
    return prepared.get(latest.number(), number -> prepare(latest).thenReturn(true)).then();
  }

  private Mono<Void> prepare(Release latest) {
    long start = System.nanoTime();
    return Flux.fromIterable(preparations.orderedStream().toList())
        .flatMap(
            preparation ->
                preparation
                    .prepare(latest)
                    .onErrorResume(
                        e -> {
                          log.warn(
                              "Release #{} switched to without {} ready: {}",
                              latest.number(),
                              preparation.getClass().getSimpleName(),
                              e.toString());
                          return Mono.empty();
                        }))
        .then()
        .timeout(
            warmUpTimeout,
            Mono.fromRunnable(
                () ->
                    log.warn(
                        "Release #{} not prepared within {}: switching to it anyway",
                        latest.number(),
                        warmUpTimeout)))
        .doOnSuccess(
            done ->
                log.info(
                    "Release #{} prepared in {} ms",
                    latest.number(),
                    (System.nanoTime() - start) / 1_000_000));
  }

  private void switchTo(Release latest) {
    Release previous = current.getAndSet(latest);
    if (previous.number() != latest.number()) {
      log.info("Serving release #{} ({})", latest.number(), latest.version());
      events.publishEvent(new ReleaseChanged(latest));
    }
  }

  @Override
  public void start() {
    polling =
        Flux.interval(Duration.ZERO, pollInterval)
            // A slow database must not stop the polling: skip ticks while a check is running.
            .onBackpressureDrop()
            .concatMap(
                tick -> refresh().doOnNext(this::reachable).onErrorResume(this::keepServing), 1)
            .subscribe();
  }

  private Mono<Release> keepServing(Throwable error) {
    // Once per outage, not every poll: a database down for an hour must not flood the log.
    if (!unreachable.getAndSet(true)) {
      log.warn(
          "Cannot check for a new release, still serving #{}: {}",
          get().number(),
          error.getMessage());
    }
    return Mono.empty();
  }

  private void reachable(Release latest) {
    if (unreachable.getAndSet(false)) {
      log.info("The database answers again; serving release #{}", latest.number());
    }
  }

  @Override
  public void stop() {
    if (polling != null) {
      polling.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return polling != null && !polling.isDisposed();
  }
}
