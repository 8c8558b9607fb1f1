package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.port.Wallets.Wallet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The caller's wallet as GraphQL shows it: never the key. */
@Type("Wallet")
public record WalletView(
    @NonNull @Description("Sui address (0x + 64 hex)") String address,
    @NonNull @Description("True for the marketplace-managed wallet, false for a linked address") Boolean managed) {

  static WalletView of(Wallet w) {
    return new WalletView(w.address().toString(), w.managed());
  }
}
