package dev.haulout.marketplace;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the log records of the application under test (same JVM: JBoss LogManager is the JUL
 * LogManager), so a test can assert what was, and was not, logged.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new ArrayList<>();
  private final Logger root = Logger.getLogger("");

  LogCapture() {
    setLevel(Level.ALL);
    root.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord r) {
    records.add(r);
  }

  /**
   * Records at ERROR (SEVERE) or above, or carrying a throwable (a stack trace). Vert.x's
   * blocked-thread watchdog is left out: it reports a loaded machine (it carries a stack trace of
   * whatever the event loop was doing when a 2 s deadline passed), not what a request caused.
   */
  synchronized List<String> errorsOrStackTraces() {
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      if ("io.vertx.core.impl.BlockedThreadChecker".equals(r.getLoggerName())) {
        continue;
      }
      if (r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null) {
        out.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }
    }
    return out;
  }

  synchronized List<String> messages() {
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      out.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
          + (r.getParameters() == null ? "" : " " + java.util.Arrays.toString(r.getParameters())));
    }
    return out;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
  }
}
