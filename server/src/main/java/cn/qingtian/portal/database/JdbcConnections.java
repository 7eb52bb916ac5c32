package cn.qingtian.portal.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens JDBC connections as the database owner, for imports (the API never uses these). */
@FunctionalInterface
public interface JdbcConnections {

  Connection open() throws SQLException;
}
