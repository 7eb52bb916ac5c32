package cn.qingtian.portal.soak;

/**
 * What one response was judged to be.
 *
 * @param error why it failed (a non-2xx/304 status, GraphQL errors, a broken answer), or null
 * @param mixed why it mixes releases (data that disagrees with the release it names), or null
 * @param release the release version the response names, or null (a 304, a versioned file)
 * @param follows whether the response follows the current release (and so must never go back to an
 *     older one once a newer one was served)
 */
public record Outcome(String error, String mixed, String release, boolean follows) {

  public static Outcome ok(String release, boolean follows) {
    return new Outcome(null, null, release, follows);
  }

  public static Outcome failed(String error) {
    return new Outcome(error, null, null, false);
  }

  public static Outcome mixed(String why, String release) {
    return new Outcome(null, why, release, false);
  }

  public boolean isError() {
    return error != null;
  }

  public boolean isMixed() {
    return mixed != null;
  }
}
