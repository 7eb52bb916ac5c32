package cn.qingtian.site;

/** A site build that cannot go on; the previous site stays in place. */
public class SiteException extends RuntimeException {

  public SiteException(String message) {
    super(message);
  }

  public SiteException(String message, Throwable cause) {
    super(message, cause);
  }
}
