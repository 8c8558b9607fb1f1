package dev.haulout.chain.model;

import java.util.ArrayList;
import java.util.List;

/** A dataset offer: the blob, the sealed data key, the terms and the seller. */
public record Listing(
    String id, String seller, ListingSpec spec, int feeBps, ListingStatus status) implements ChainObject {
  @Override
  public String owner() {
    return seller;
  }

  public Listing withSpec(ListingSpec s) {
    return new Listing(id, seller, s, feeBps, status);
  }

  public Listing withStatus(ListingStatus s) {
    return new Listing(id, seller, spec, feeBps, s);
  }

  public Listing withAllowlist(List<String> allow) {
    ListingSpec s = spec;
    return withSpec(new ListingSpec(s.blobId(), s.sealedKeyRef(), s.title(), s.description(), s.tags(),
        s.license(), s.sizeBytes(), s.format(), s.schemaSummary(), s.previewRef(), s.buyPriceFrost(),
        s.rentPricePerPeriodFrost(), s.rentPeriodMs(), allow == null ? null : new ArrayList<>(allow)));
  }
}
