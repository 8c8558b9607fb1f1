package dev.haulout.cli.storage;

import dev.haulout.storage.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar on stderr: phase, percentage, bytes; redrawn at most every 100 ms. */
public final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean quiet;
  private long lastDraw;
  private boolean drawn;

  public ProgressBar(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public synchronized void onProgress(String phase, long done, long total) {
    long now = System.currentTimeMillis();
    if (quiet || (now - lastDraw < 100 && done < total)) {
      return;
    }
    lastDraw = now;
    if (total < 0) {
      // length not known up front: bytes so far
      err.printf("\r%-8s %s", phase, human(done));
      err.flush();
      drawn = true;
      return;
    }
    int pct = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    int fill = pct * WIDTH / 100;
    err.printf("\r%-8s [%s%s] %3d%% %s", phase, "#".repeat(fill), ".".repeat(WIDTH - fill), pct,
        phase.equals("upload") || phase.equals("encode") || phase.equals("read") || phase.equals("download") ? human(done) + "/" + human(total) : done + "/" + total);
    err.flush();
    drawn = true;
  }

  public synchronized void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }

  public static String human(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1 << 20) {
      return String.format("%.1f KiB", b / 1024.0);
    }
    return String.format("%.1f MiB", b / (1024.0 * 1024));
  }
}
