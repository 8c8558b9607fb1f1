package dev.haulout.marketplace.adapter.upload;

import dev.haulout.marketplace.application.UploadService;
import dev.haulout.marketplace.config.MarketplaceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Removes expired unfinished uploads (row and file) every {@code haulout.upload.cleanup-interval},
 * each run on a fresh duplicated Vert.x context, as the reactive store expects.
 */
@ApplicationScoped
public class ExpiredUploadsJanitor {
  private static final Logger LOG = Logger.getLogger(ExpiredUploadsJanitor.class);
  private final UploadService uploads;
  private final Vertx vertx;
  private final long intervalMs;
  private long timer = -1;

  public ExpiredUploadsJanitor(UploadService uploads, Vertx vertx, MarketplaceConfig config) {
    this.uploads = uploads;
    this.vertx = vertx;
    this.intervalMs = config.upload().cleanupInterval().toMillis();
  }

  void start(@Observes StartupEvent event) {
    timer = vertx.setPeriodic(intervalMs, id -> VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext())
        .runOnContext(v -> uploads.removeExpired(System.currentTimeMillis()).subscribe().with(
            n -> {
              if (n > 0) {
                LOG.infof("removed %d expired unfinished upload(s)", n);
              }
            },
            e -> LOG.warn("removing expired uploads failed; next try in " + intervalMs + " ms", e))));
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
