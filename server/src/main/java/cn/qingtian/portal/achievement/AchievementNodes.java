package cn.qingtian.portal.achievement;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.NodeResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Resolves the global IDs of achievements. */
@Component
class AchievementNodes implements NodeResolver {

  private final Achievements achievements;

  AchievementNodes(Achievements achievements) {
    this.achievements = achievements;
  }

  @Override
  public Mono<Object> resolve(GlobalId id, int release) {
    if (!id.type().equals("Achievement")) {
      return Mono.empty();
    }
    String code = id.parts().get(0);
    return achievements.byCode(release, code).cast(Object.class);
  }
}
