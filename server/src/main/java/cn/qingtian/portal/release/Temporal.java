package cn.qingtian.portal.release;

/**
 * The one SQL condition every read of a data table uses: the rows of table alias {@code alias}
 * valid in release {@code :release} (valid from it, and not yet replaced or removed).
 */
public final class Temporal {

  private Temporal() {}

  public static String inRelease(String alias) {
    return alias
        + ".valid_from <= :release and ("
        + alias
        + ".valid_to is null or "
        + alias
        + ".valid_to > :release)";
  }

  /** The same condition with the release number written in, for JDBC statements. */
  public static String inRelease(String alias, int release) {
    return inRelease(alias).replace(":release", Integer.toString(release));
  }
}
