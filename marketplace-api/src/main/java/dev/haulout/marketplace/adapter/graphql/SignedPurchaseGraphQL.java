package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.PurchaseService;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Purchases a linked wallet signs itself. Each operation delegates to one application method. */
@GraphQLApi
public class SignedPurchaseGraphQL {
  private final PurchaseService purchases;
  private final ViewerResolver viewer;

  public SignedPurchaseGraphQL(PurchaseService purchases, ViewerResolver viewer) {
    this.purchases = purchases;
    this.viewer = viewer;
  }

  @Query("purchaseTransaction")
  @Description("The Buy/Rent transaction paying a quote from the caller's linked wallet, to sign and pass to submitPurchase.")
  public Uni<@NonNull PurchaseTransactionView> purchaseTransaction(@Name("quote") @NonNull String quote,
      @Name("idempotencyKey") @NonNull String idempotencyKey) {
    return GraphQLErrors.translated(purchases.purchaseTransaction(viewer.current(), quote, idempotencyKey)
        .map(PurchaseTransactionView::of));
  }

  @Mutation("submitPurchase")
  @Description("Pays a quote with a transaction the linked wallet signed: signedTransaction is "
      + "{\"txBytes\": base64, \"signature\": base64 Sui signature}. The same idempotencyKey is charged once.")
  public Uni<@NonNull PurchaseView> submitPurchase(@Name("signedTransaction") @NonNull String signedTransaction,
      @Name("quote") @NonNull String quote, @Name("idempotencyKey") @NonNull String idempotencyKey) {
    return GraphQLErrors.translated(purchases.submitPurchase(viewer.current(), signedTransaction, quote, idempotencyKey)
        .map(PurchaseView::of));
  }
}
