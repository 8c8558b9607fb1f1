package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.marketplace.application.PurchaseService.UnsignedPurchase;
import java.util.Base64;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The unsigned Buy/Rent transaction of a quote, for a linked wallet to sign (then submitPurchase). */
@Type("PurchaseTransaction")
public record PurchaseTransactionView(
    @NonNull @Description("The canonical transaction bytes (base64): sign them as Sui TransactionData") String txBytes,
    @NonNull @Description("The ledger digest the transaction will have (Base58)") String digest,
    @NonNull @Description("The sender: the caller's linked address") String sender,
    @NonNull @Description("The u64 nonce derived from the idempotency key, in decimal") String nonce,
    @NonNull @Description("The transaction expires with the quote (ms since the epoch)") Long expirationMs,
    @NonNull String listingId,
    @NonNull QuoteKind kind,
    @NonNull Long periods,
    @NonNull @Description("maxPrice of the Buy/Rent: the quoted price in FROST") Long maxPriceFrost) {

  static PurchaseTransactionView of(UnsignedPurchase u) {
    TransactionData tx = u.tx();
    long max = tx.kind() instanceof TxKind.Rent r ? r.maxPriceFrost() : ((TxKind.Buy) tx.kind()).maxPriceFrost();
    return new PurchaseTransactionView(Base64.getEncoder().encodeToString(u.txBytes()), u.digest(), tx.sender(),
        Long.toUnsignedString(tx.nonce()), tx.expirationMs(), u.quote().listingId(),
        QuoteKind.valueOf(u.quote().kind().name()), u.quote().periods(), max);
  }
}
