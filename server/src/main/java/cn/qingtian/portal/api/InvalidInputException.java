package cn.qingtian.portal.api;

/** A request argument the API cannot use; the message is shown to the client as it is. */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
