package cn.qingtian.portal.achievement;

import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseChanged;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Announces the achievements a newly served release adds (codes it has that the release served
 * before it did not), oldest first, to every subscriber of {@code achievementPublished}. Nothing is
 * kept for subscribers that join later: the API and the feed hold the history.
 */
@Component
class AchievementPublisher {

  /** An achievement and the release that published it. */
  record Published(Release release, Achievement achievement) {}

  private final Achievements achievements;
  private final Sinks.Many<Published> sink = Sinks.many().multicast().directBestEffort();
  private Set<String> served = Set.of();
  private int servedRelease = -1;

  AchievementPublisher(Achievements achievements) {
    this.achievements = achievements;
  }

  Flux<Published> published() {
    return sink.asFlux();
  }

  /** How many subscribers listen now (a test waits for its own before it imports). */
  int subscribers() {
    return sink.currentSubscriberCount();
  }

  @EventListener
  void releaseChanged(ReleaseChanged event) {
    Release release = event.release();
    achievements.all(release.number()).subscribe(all -> announce(release, all));
  }

  private synchronized void announce(Release release, List<Achievement> all) {
    if (release.number() <= servedRelease) {
      return; // a later release was announced first
    }
    servedRelease = release.number();
    Set<String> before = served;
    served = all.stream().map(Achievement::code).collect(Collectors.toSet());
    all.stream()
        .filter(a -> !before.contains(a.code()))
        .sorted(Comparator.comparing(Achievement::sortKey).reversed())
        .forEach(a -> sink.tryEmitNext(new Published(release, a)));
  }
}
