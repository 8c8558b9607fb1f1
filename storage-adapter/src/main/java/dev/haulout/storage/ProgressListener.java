package dev.haulout.storage;

/** Progress of a store: phases and bytes, called from worker threads. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (phase, done, total) -> { };

  /**
   * @param phase {@code encode}, {@code register}, {@code upload}, {@code confirm}, {@code certify}
   * @param done units done in this phase (bytes for upload)
   * @param total units of the phase
   */
  void onProgress(String phase, long done, long total);

  /**
   * A finished step of the write, for timing breakdowns ({@code haulout store --verbose}):
   * {@code step} names it (for example {@code encode}, {@code tx RegisterBlob}, {@code node 3
   * slivers}); the times are {@link System#nanoTime()} at its start and end. Ignored by default.
   */
  default void onStep(String step, long startNanos, long endNanos) { }
}
