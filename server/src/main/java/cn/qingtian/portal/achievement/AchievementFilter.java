package cn.qingtian.portal.achievement;

import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.messages.UserMessages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The filters of the {@code achievements} query; {@code period} is a year or a range of years. */
record AchievementFilter(
    @Nullable String plan,
    @Nullable String measure,
    @Nullable String targetGroup,
    @Nullable String department,
    @Nullable String period) {

  private static final Pattern PERIOD = Pattern.compile("([0-9]{4})(?:/([0-9]{4}))?");

  /** The predicate, after checking the arguments a user may get wrong. */
  java.util.function.Predicate<Achievement> predicate() {
    int from;
    int to;
    if (period == null) {
      from = Integer.MIN_VALUE;
      to = Integer.MAX_VALUE;
    } else {
      Matcher matcher = PERIOD.matcher(period);
      if (!matcher.matches()) {
        throw new InvalidInputException(UserMessages.get("achievement.period.invalid"));
      }
      from = Integer.parseInt(matcher.group(1));
      to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
      if (to < from) {
        throw new InvalidInputException(UserMessages.get("achievement.period.reversed", period));
      }
    }
    return a ->
        a.year() >= from
            && a.year() <= to
            && (plan == null || a.measures().stream().anyMatch(m -> m.plan().equals(plan)))
            && (measure == null
                || a.measures().stream()
                    .anyMatch(
                        m -> m.code().equals(measure) && (plan == null || m.plan().equals(plan))))
            && (targetGroup == null || a.targetGroupCodes().contains(targetGroup))
            && (department == null || a.departmentCodes().contains(department));
  }
}
