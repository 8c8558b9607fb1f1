package dev.haulout.chain.adapter.pg;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A bounded pool of JDBC connections: at most {@code poolSize} open, idle ones reused. */
final class ConnectionPool implements AutoCloseable {
  private final PgOptions options;
  private final Semaphore permits;
  private final BlockingQueue<Connection> idle;
  private volatile boolean closed;

  ConnectionPool(PgOptions options) {
    this.options = options;
    this.permits = new Semaphore(options.poolSize(), true);
    this.idle = new ArrayBlockingQueue<>(options.poolSize());
  }

  Connection borrow() {
    try {
      if (closed) {
        throw new LedgerException(ErrorCode.UNAVAILABLE, "ledger is closed");
      }
      if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new LedgerException(ErrorCode.UNAVAILABLE, "no database connection within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException(ErrorCode.UNAVAILABLE, "interrupted waiting for a connection");
    }
    Connection c = idle.poll();
    try {
      if (c == null || c.isClosed()) {
        Properties p = new Properties();
        p.setProperty("user", options.user());
        p.setProperty("password", options.password());
        p.setProperty("ApplicationName", "haulout-ledger");
        c = DriverManager.getConnection(options.url(), p);
      }
      return c;
    } catch (SQLException e) {
      permits.release();
      throw new LedgerException(ErrorCode.UNAVAILABLE, "cannot connect to PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Returns a connection; a broken one ({@code discard}) is closed instead of reused. */
  void release(Connection c, boolean discard) {
    try {
      if (discard || closed || !idle.offer(c)) {
        c.close();
      }
    } catch (SQLException ignored) {
      // closing a broken connection: nothing more to do
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // best effort on shutdown
      }
    }
  }
}
