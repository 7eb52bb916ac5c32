package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether a failure means PostgreSQL cannot be reached right now (stopped, restarting, out of
 * connections, network gone) rather than that a query is wrong: such a failure is answered with a
 * 503 and {@code Retry-After}, and the portal recovers by itself when the database is back.
 */
public final class DatabaseUnavailable {

  /** The error code the API gives such a failure. */
  public static final String CODE = "DATABASE_UNAVAILABLE";

  /** What the caller reads, in both languages. */
  public static final String MESSAGE = UserMessages.get("api.database.unavailable");

  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  // SQLSTATE: connection exceptions, the server shutting down or starting, too many connections.
  private static final Set<String> SQL_STATE_CLASSES = Set.of("08", "53");
  private static final Set<String> SQL_STATES = Set.of("57P01", "57P02", "57P03");

  private DatabaseUnavailable() {}

  /** True if {@code failure}, or anything that caused it, says the database cannot be reached. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof R2dbcNonTransientResourceException
          || t instanceof R2dbcTransientResourceException
          || t instanceof ConnectException // Netty's connect failures and timeouts too
          || (t instanceof R2dbcException r2dbc && unavailable(r2dbc.getSqlState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean unavailable(String sqlState) {
    return sqlState != null
        && sqlState.length() == 5
        && (SQL_STATES.contains(sqlState) || SQL_STATE_CLASSES.contains(sqlState.substring(0, 2)));
  }
}
