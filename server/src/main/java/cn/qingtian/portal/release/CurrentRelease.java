package cn.qingtian.portal.release;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The release every request reads. It polls PostgreSQL, so a release imported by another process
 * (another portal instance, or the {@code import} command) is picked up within one interval
 * (decision D4); a request that started on the previous release finishes on it.
 */
@Component
public class CurrentRelease implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CurrentRelease.class);

  private final ReleaseRepository releases;
  private final ApplicationEventPublisher events;
  private final Duration pollInterval;
  private final AtomicReference<Release> current = new AtomicReference<>(Release.NONE);
  private final AtomicBoolean unreachable = new AtomicBoolean();
  private volatile Disposable polling;

  CurrentRelease(
      ReleaseRepository releases,
      ApplicationEventPublisher events,
      @Value("${portal.release.poll-interval:2s}") Duration pollInterval) {
    this.releases = releases;
    this.events = events;
    this.pollInterval = pollInterval;
  }

  /** The release to read now. */
  public Release get() {
    return current.get();
  }

  /** Reads the latest release from the database and makes it current. */
  public Mono<Release> refresh() {
    return releases.latest().doOnNext(this::switchTo).defaultIfEmpty(Release.NONE);
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
