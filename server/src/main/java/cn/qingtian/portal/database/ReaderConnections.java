package cn.qingtian.portal.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens JDBC connections as the API's read-only role, for work that streams large results on a
 * worker thread (dataset downloads): it can read what the API reads and nothing private (D11).
 */
@FunctionalInterface
public interface ReaderConnections {

  Connection open() throws SQLException;
}
