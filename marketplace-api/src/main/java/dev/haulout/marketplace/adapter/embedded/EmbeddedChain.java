package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.marketplace.application.port.Chain;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link Chain} on the embedded localnet ledger; unavailable when the network is not embedded. */
@ApplicationScoped
public class EmbeddedChain implements Chain {
  private final EmbeddedNetwork network;

  public EmbeddedChain(EmbeddedNetwork network) {
    this.network = network;
  }

  @Override
  public Ledger ledger() {
    Ledger l = network.ledger();
    if (l == null) {
      throw new CatalogException(ErrorCode.UNAVAILABLE, "no ledger: the embedded network is not running");
    }
    return l;
  }

  @Override
  public boolean localnet() {
    return network.ledger() != null;
  }
}
