package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.CatalogException;
import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * Translates {@link CatalogException}s at the GraphQL edge into exceptions whose {@link ErrorCode}
 * annotation SmallRye copies into {@code extensions.code}: one class per stable code.
 */
final class GraphQLErrors {
  private GraphQLErrors() {}

  static <T> Uni<T> translated(Uni<T> uni) {
    return uni.onFailure(CatalogException.class).transform(GraphQLErrors::translate);
  }

  static ApiError translate(Throwable t) {
    CatalogException e = (CatalogException) t;
    return switch (e.code()) {
      case INVALID_ARGUMENT -> new InvalidArgument(e);
      case INVALID_CURSOR -> new InvalidCursor(e);
      case NOT_FOUND -> new NotFound(e);
      case UNAUTHENTICATED -> new Unauthenticated(e);
      case FORBIDDEN -> new Forbidden(e);
      case UNAVAILABLE -> new Unavailable(e);
      case INTERNAL -> new Internal(e);
      case CHALLENGE_EXPIRED -> new ChallengeExpired(e);
      case INVALID_SIGNATURE -> new InvalidSignature(e);
      case QUOTE_EXPIRED -> new QuoteExpired(e);
      case QUOTE_INVALID -> new QuoteInvalid(e);
      case NOT_FOR_SALE -> new NotForSale(e);
      case INSUFFICIENT_FUNDS -> new InsufficientFunds(e);
      case PRICE_CHANGED -> new PriceChanged(e);
      case LISTING_NOT_FOUND -> new ListingNotFound(e);
      case TRANSACTION_MISMATCH -> new TransactionMismatch(e);
      case WALLET_NOT_LINKED -> new WalletNotLinked(e);
      case NOT_YOUR_LISTING -> new NotYourListing(e);
      case LISTING_NOT_ACTIVE -> new ListingNotActive(e);
      // codes of the REST upload protocol (tus); no GraphQL field raises them
      case PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TUS_VERSION_UNSUPPORTED, UPLOAD_OFFSET_MISMATCH,
          UPLOAD_LOCKED, UPLOAD_EXPIRED, METHOD_NOT_ALLOWED -> new Internal(e);
      // codes of the REST content gateway; no GraphQL field raises them
      case NO_ACCESS, RENTAL_EXPIRED, REVISION_NOT_FOUND, CONTENT_CORRUPT,
          RANGE_NOT_SATISFIABLE -> new Internal(e);
    };
  }

  /**
   * Base of the translated errors; the message is the catalog's client-safe message. Checked, so
   * SmallRye shows the message to clients (it hides unchecked exceptions' messages by default).
   */
  abstract static class ApiError extends Exception {
    private static final long serialVersionUID = 1L;

    ApiError(CatalogException cause) {
      super(cause.getMessage(), null, false, false);
    }
  }

  @ErrorCode("INVALID_ARGUMENT")
  static final class InvalidArgument extends ApiError {
    private static final long serialVersionUID = 1L;

    InvalidArgument(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("INVALID_CURSOR")
  static final class InvalidCursor extends ApiError {
    private static final long serialVersionUID = 1L;

    InvalidCursor(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("NOT_FOUND")
  static final class NotFound extends ApiError {
    private static final long serialVersionUID = 1L;

    NotFound(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("UNAUTHENTICATED")
  static final class Unauthenticated extends ApiError {
    private static final long serialVersionUID = 1L;

    Unauthenticated(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("FORBIDDEN")
  static final class Forbidden extends ApiError {
    private static final long serialVersionUID = 1L;

    Forbidden(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("UNAVAILABLE")
  static final class Unavailable extends ApiError {
    private static final long serialVersionUID = 1L;

    Unavailable(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("INTERNAL")
  static final class Internal extends ApiError {
    private static final long serialVersionUID = 1L;

    Internal(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("CHALLENGE_EXPIRED")
  static final class ChallengeExpired extends ApiError {
    private static final long serialVersionUID = 1L;

    ChallengeExpired(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("INVALID_SIGNATURE")
  static final class InvalidSignature extends ApiError {
    private static final long serialVersionUID = 1L;

    InvalidSignature(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("QUOTE_EXPIRED")
  static final class QuoteExpired extends ApiError {
    private static final long serialVersionUID = 1L;

    QuoteExpired(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("QUOTE_INVALID")
  static final class QuoteInvalid extends ApiError {
    private static final long serialVersionUID = 1L;

    QuoteInvalid(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("NOT_FOR_SALE")
  static final class NotForSale extends ApiError {
    private static final long serialVersionUID = 1L;

    NotForSale(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("INSUFFICIENT_FUNDS")
  static final class InsufficientFunds extends ApiError {
    private static final long serialVersionUID = 1L;

    InsufficientFunds(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("PRICE_CHANGED")
  static final class PriceChanged extends ApiError {
    private static final long serialVersionUID = 1L;

    PriceChanged(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("LISTING_NOT_FOUND")
  static final class ListingNotFound extends ApiError {
    private static final long serialVersionUID = 1L;

    ListingNotFound(CatalogException c) {
      super(c);
    }
  }
  @ErrorCode("TRANSACTION_MISMATCH")
  static final class TransactionMismatch extends ApiError {
    private static final long serialVersionUID = 1L;

    TransactionMismatch(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("WALLET_NOT_LINKED")
  static final class WalletNotLinked extends ApiError {
    private static final long serialVersionUID = 1L;

    WalletNotLinked(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("NOT_YOUR_LISTING")
  static final class NotYourListing extends ApiError {
    private static final long serialVersionUID = 1L;

    NotYourListing(CatalogException c) {
      super(c);
    }
  }

  @ErrorCode("LISTING_NOT_ACTIVE")
  static final class ListingNotActive extends ApiError {
    private static final long serialVersionUID = 1L;

    ListingNotActive(CatalogException c) {
      super(c);
    }
  }
}
