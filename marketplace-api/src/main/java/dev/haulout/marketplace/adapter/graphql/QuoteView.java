package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.dataset.Quote;
import dev.haulout.marketplace.application.PurchaseService.SignedQuote;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A signed price offer; pass {@code token} to purchase. */
@Type("Quote")
public record QuoteView(
    @NonNull @Description("base64url(payload).base64url(signature), signed by the marketplace key") String token,
    @NonNull String listingId,
    @NonNull QuoteKind kind,
    @NonNull Long periods,
    @NonNull Long priceFrost,
    @NonNull @Description("Wallet address the quote is for") String buyer,
    @NonNull Long expiresAtMs) {

  static QuoteView of(SignedQuote s) {
    Quote q = s.quote();
    return new QuoteView(s.token(), q.listingId(), QuoteKind.valueOf(q.kind().name()), q.periods(), q.priceFrost(), q.buyer(), q.expiresAtMs());
  }
}
