package dev.haulout.chain.adapter.pg;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import java.sql.SQLException;

/** The adapter's one translator from JDBC errors to {@link LedgerException}. */
final class PgErrors {
  private PgErrors() {}

  static boolean isRetriable(SQLException e) {
    String st = e.getSQLState();
    return st != null && (st.equals("40001") || st.equals("40P01"));
  }

  static boolean isConnectionError(SQLException e) {
    String st = e.getSQLState();
    return st != null && st.startsWith("08");
  }

  static LedgerException translate(SQLException e) {
    if (isConnectionError(e)) {
      return new LedgerException(ErrorCode.UNAVAILABLE, "database unavailable: " + e.getMessage(), e);
    }
    if (isRetriable(e)) {
      return new LedgerException(ErrorCode.CONFLICT_RETRY_EXHAUSTED, "database conflict: " + e.getMessage(), e);
    }
    if ("23514".equals(e.getSQLState())) {
      // a CHECK constraint (e.g. balance >= 0) is the last line of defence against overdrafts
      return new LedgerException(ErrorCode.INSUFFICIENT_BALANCE, "constraint violated: " + e.getMessage(), e);
    }
    return new LedgerException(ErrorCode.INTERNAL, "database error " + e.getSQLState(), e);
  }
}
