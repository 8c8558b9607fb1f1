package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Texts;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Translates database failures at the adapter's edge: the detail goes to the log, the client gets a
 * code. Two kinds are told apart by the SQLSTATE PostgreSQL answered:
 * <ul>
 *   <li><b>the value is refused</b> — class 22 (data exception: U+0000 in text, a value too long for
 *       its column, a number out of range), 23 (integrity constraint: a CHECK, NOT NULL) or 54
 *       (program limit exceeded: e.g. a tsvector or an index row too big). The same statement would
 *       fail again, so it is {@link ErrorCode#INVALID_ARGUMENT} and logged as a WARN without a stack
 *       trace (a client or an event sent it; nothing is wrong with the service);</li>
 *   <li><b>anything else</b> (no connection, a timeout, the server shutting down, a serialization
 *       failure) is {@link ErrorCode#UNAVAILABLE}: retrying later may succeed. Logged as an ERROR.</li>
 * </ul>
 */
public final class StoreErrors {
  private static final Logger LOG = Logger.getLogger(StoreErrors.class);

  private StoreErrors() {}

  public static <T> Uni<T> translate(Uni<T> uni) {
    return uni.onFailure(e -> !(e instanceof CatalogException)).transform(StoreErrors::translate);
  }

  static CatalogException translate(Throwable e) {
    String state = sqlState(e);
    if (state != null && isRefusedValue(state)) {
      String why = Texts.printable(message(e), 300) + " (SQLSTATE " + state + ")";
      LOG.warnf("the catalog store refused a value: %s", why);
      return new CatalogException(ErrorCode.INVALID_ARGUMENT, "the catalog store refused a value: " + why);
    }
    LOG.error("catalog store failure", e);
    return new CatalogException(ErrorCode.UNAVAILABLE, "the catalog store is unavailable; retry later", e);
  }

  /** SQLSTATE classes that mean "this value can never be stored", not "the store is down". */
  static boolean isRefusedValue(String sqlState) {
    return sqlState.length() == 5
        && (sqlState.startsWith("22") || sqlState.startsWith("23") || sqlState.startsWith("54"));
  }

  /** The first SQLSTATE in the cause chain (Hibernate Reactive may wrap the driver's exception). */
  static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseException d && d.getSqlState() != null) {
        return d.getSqlState();
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return null;
  }

  private static String message(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof io.vertx.pgclient.PgException pg && pg.getErrorMessage() != null) {
        return pg.getErrorMessage();
      }
      if (t instanceof DatabaseException || t instanceof SQLException) {
        return t.getMessage();
      }
    }
    return String.valueOf(e.getMessage());
  }
}
