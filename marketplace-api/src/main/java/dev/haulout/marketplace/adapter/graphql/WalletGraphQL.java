package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.WalletService;
import dev.haulout.wire.SuiAddress;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Wallets: {@code me { wallet }}, {@code walletChallenge}, {@code linkWallet}. */
@GraphQLApi
public class WalletGraphQL {
  private final WalletService wallets;
  private final ViewerResolver viewer;

  public WalletGraphQL(WalletService wallets, ViewerResolver viewer) {
    this.wallets = wallets;
    this.viewer = viewer;
  }

  @Description("The caller's wallet: a managed one is created (and on the localnet funded) on first use.")
  public Uni<@NonNull WalletView> wallet(@Source MeView me) {
    return GraphQLErrors.translated(wallets.wallet(viewer.current()).map(WalletView::of));
  }

  @Description("WAL balance of the wallet on the ledger, in FROST (1 WAL = 10^9 FROST).")
  public Uni<@NonNull Long> balanceFrost(@Source WalletView wallet) {
    return GraphQLErrors.translated(wallets.balance(SuiAddress.parse(wallet.address())));
  }

  @Query("walletChallenge")
  @Description("A message to sign as a Sui personal message and pass to linkWallet (single use, 10 minutes).")
  public Uni<@NonNull String> walletChallenge() {
    return GraphQLErrors.translated(wallets.challenge(viewer.current()));
  }

  @Mutation("linkWallet")
  @Description("Links an own Sui address: signature is the Sui serialized signature (base64) of walletChallenge.")
  public Uni<@NonNull WalletView> linkWallet(
      @Name("address") @NonNull String address, @Name("signature") @NonNull String signature) {
    return GraphQLErrors.translated(wallets.link(viewer.current(), address, signature).map(WalletView::of));
  }
}
