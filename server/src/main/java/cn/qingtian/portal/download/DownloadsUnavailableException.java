package cn.qingtian.portal.download;

/** A release whose downloads cannot be written, with a message for people in both languages. */
public class DownloadsUnavailableException extends RuntimeException {

  public DownloadsUnavailableException(String message) {
    super(message);
  }
}
