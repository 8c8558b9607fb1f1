package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.dataset.Quote;
import org.eclipse.microprofile.graphql.Enum;

/** BUY (a perpetual AccessPass) or RENT (a Rental for a number of periods). */
@Enum("QuoteKind")
public enum QuoteKind {
  BUY,
  RENT;

  Quote.Kind toQuote() {
    return Quote.Kind.valueOf(name());
  }
}
