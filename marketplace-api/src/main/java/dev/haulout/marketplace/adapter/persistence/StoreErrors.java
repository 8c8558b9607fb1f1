package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/** Translates database failures at the adapter's edge: the detail goes to the log, the client gets a code. */
final class StoreErrors {
  private static final Logger LOG = Logger.getLogger(StoreErrors.class);

  private StoreErrors() {}

  static <T> Uni<T> translate(Uni<T> uni) {
    return uni.onFailure(e -> !(e instanceof CatalogException))
        .transform(e -> {
          LOG.error("catalog store failure", e);
          return new CatalogException(ErrorCode.UNAVAILABLE, "the catalog store is unavailable; retry later", e);
        });
  }
}
