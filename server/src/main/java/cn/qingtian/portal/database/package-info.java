/** The PostgreSQL server, migrations and the API's read-only connections. */
@NullMarked
package cn.qingtian.portal.database;

import org.jspecify.annotations.NullMarked;
