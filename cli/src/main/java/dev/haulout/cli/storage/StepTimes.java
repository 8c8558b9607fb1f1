package dev.haulout.cli.storage;

import dev.haulout.storage.ProgressListener;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time of one {@code haulout store} went ({@code --verbose}): the write path's steps
 * ({@link ProgressListener#onStep}) plus the CLI's own, each as its start and duration in
 * milliseconds since the JVM started, so JVM start-up shows as the gap before the first step.
 */
final class StepTimes implements ProgressListener {
  private record Step(String name, long startNanos, long endNanos) {}

  private final ProgressListener delegate;
  /** System.nanoTime() of the JVM's start, from its uptime. */
  private final long jvmStartNanos;
  private final List<Step> steps = new ArrayList<>();

  StepTimes(ProgressListener delegate) {
    this.delegate = delegate;
    this.jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    steps.add(new Step("JVM start to store command", jvmStartNanos, System.nanoTime()));
  }

  @Override
  public void onProgress(String phase, long done, long total) {
    delegate.onProgress(phase, done, total);
  }

  @Override
  public synchronized void onStep(String step, long startNanos, long endNanos) {
    steps.add(new Step(step, startNanos, endNanos));
  }

  /** Prints the steps in order of their start, then the total so far. */
  synchronized void print(PrintWriter err) {
    err.println("step                                   start ms    took ms");
    steps.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).forEach(s ->
        err.printf("%-36s %10.1f %10.1f%n", s.name(), ms(s.startNanos() - jvmStartNanos), ms(s.endNanos() - s.startNanos())));
    err.printf("%-36s %10s %10.1f%n", "total since JVM start", "", ms(System.nanoTime() - jvmStartNanos));
    err.flush();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
