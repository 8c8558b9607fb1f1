package dev.haulout.marketplace.adapter.rest;

import dev.haulout.marketplace.application.port.MarketplaceKey;
import dev.haulout.wire.Hex;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The public key quotes and receipts are signed with, for offline verification (haulout verify-receipt). */
@Path("/api/v1/marketplace-key")
public class MarketplaceKeyResource {
  private final MarketplaceKey key;

  public MarketplaceKeyResource(MarketplaceKey key) {
    this.key = key;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> get() {
    return Map.of("scheme", "ed25519", "publicKey", "0x" + Hex.encode(key.keyPair().publicKey().bytes()));
  }
}
