package dev.haulout.marketplace.application;

import dev.haulout.marketplace.application.port.Chain;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.application.port.Wallets.Wallet;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.wire.SuiAddress;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller's wallet: managed (created on first use) or linked by a signed challenge. */
@ApplicationScoped
public class WalletService {
  private final Wallets wallets;
  private final Chain chain;

  public WalletService(Wallets wallets, Chain chain) {
    this.wallets = wallets;
    this.chain = chain;
  }

  public Uni<Wallet> wallet(Viewer viewer) {
    return Uni.createFrom().deferred(() -> wallets.walletOf(Access.requireSignedIn(viewer)));
  }

  /** The WAL balance (FROST) of an address on the ledger. */
  public Uni<Long> balance(SuiAddress address) {
    return Blocking.call(() -> chain.ledger().balance(address));
  }

  public Uni<String> challenge(Viewer viewer) {
    return Uni.createFrom().deferred(() -> wallets.challenge(Access.requireSignedIn(viewer)));
  }

  public Uni<Wallet> link(Viewer viewer, String address, String signature) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      SuiAddress a;
      try {
        a = SuiAddress.parse(address);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "address is not a Sui address (0x + 64 hex)");
      }
      return wallets.link(v, a, signature);
    });
  }
}
