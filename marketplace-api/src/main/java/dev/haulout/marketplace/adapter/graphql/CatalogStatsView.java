package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.port.ListingRepository.CatalogStats;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Operator counters of the catalog. */
@Type("CatalogStats")
public record CatalogStatsView(
    @NonNull Long total, @NonNull Long active, @NonNull Long delisted, @NonNull Long lastEventSeq,
    @NonNull Long rejectedEvents) {
  static CatalogStatsView of(CatalogStats s) {
    return new CatalogStatsView(s.total(), s.active(), s.delisted(), s.lastEventSeq(), s.rejectedEvents());
  }
}
