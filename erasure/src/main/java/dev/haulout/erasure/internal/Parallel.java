package dev.haulout.erasure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs items {@code 0..count-1} on up to {@code threads} threads, each with its own {@link Worker}
 * (so scratch buffers are per thread). Items are claimed dynamically. The first failure is
 * rethrown on the caller's thread after all workers stop.
 */
public final class Parallel {
  private Parallel() {}

  /** Per-thread body: called once per claimed item. */
  public interface Worker {
    void run(int item);
  }

  public static void forEach(int threads, int count, Supplier<? extends Worker> workers) {
    if (threads <= 1 || count <= 1) {
      Worker w = workers.get();
      for (int i = 0; i < count; i++) {
        w.run(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable body =
        () -> {
          try {
            Worker w = workers.get();
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < count) {
              w.run(i);
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        };
    int extra = Math.min(threads, count) - 1;
    List<Thread> started = new ArrayList<>(extra);
    for (int t = 0; t < extra; t++) {
      Thread th = new Thread(body, "haulout-erasure-" + t);
      th.setDaemon(true);
      th.start();
      started.add(th);
    }
    body.run();
    boolean interrupted = false;
    for (Thread th : started) {
      while (true) {
        try {
          th.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
