package dev.haulout.marketplace.domain;

/** Stable error codes, returned in GraphQL {@code extensions.code} and REST bodies. Never renamed. */
public enum ErrorCode {
  INVALID_ARGUMENT,
  INVALID_CURSOR,
  NOT_FOUND,
  UNAUTHENTICATED,
  FORBIDDEN,
  UNAVAILABLE,
  INTERNAL,
  /** A request body over a limit (an upload over {@code haulout.upload.max-size}, a chunk past Upload-Length). */
  PAYLOAD_TOO_LARGE,
  /** The body's Content-Type is not the one the endpoint takes. */
  UNSUPPORTED_MEDIA_TYPE,
  /** tus: the client speaks a protocol version (Tus-Resumable) this server does not. */
  TUS_VERSION_UNSUPPORTED,
  /** tus: a PATCH's Upload-Offset is not the upload's current offset (HEAD tells the right one). */
  UPLOAD_OFFSET_MISMATCH,
  /** tus: another PATCH of the same upload is still being written; retry after it ends. */
  UPLOAD_LOCKED,
  /** tus: the upload expired unfinished (Upload-Expires passed); its data is or will be removed. */
  UPLOAD_EXPIRED,
  /** The HTTP method is not one the resource answers (the Allow header lists those). */
  METHOD_NOT_ALLOWED,
  /** linkWallet: there is no current challenge (never asked, already used, or expired). */
  CHALLENGE_EXPIRED,
  /** A signature does not verify for the message and address it claims. */
  INVALID_SIGNATURE,
  /** A quote's validity (expiresAtMs) passed; ask for a new quote. */
  QUOTE_EXPIRED,
  /** A quote token that is altered, not signed by the marketplace key, or made for another buyer. */
  QUOTE_INVALID,
  /** The listing does not offer that kind (buy or rent), or is not active. */
  NOT_FOR_SALE,
  /** The paying wallet holds less WAL than the price. */
  INSUFFICIENT_FUNDS,
  /** The listing's price is no longer the quoted one; ask for a new quote. */
  PRICE_CHANGED,
  /** No listing with that id on the ledger (or a draft without content). */
  LISTING_NOT_FOUND,
  /** Content gateway: the caller's wallet holds no pass, rental or allowlist entry (the key servers refused). */
  NO_ACCESS,
  /** Content gateway: the caller's rental of the listing has run out (the key servers refused). */
  RENTAL_EXPIRED,
  /** Content gateway: the listing has no revision with that number. */
  REVISION_NOT_FOUND,
  /** Content gateway: a chunk or the header of the stored content failed authentication. */
  CONTENT_CORRUPT,
  /** Content gateway: the Range asks for bytes outside the content (416 with a Content-Range naming the length). */
  RANGE_NOT_SATISFIABLE,
  /** submitPurchase: the signed transaction is not the one the quote and idempotency key call for. */
  TRANSACTION_MISMATCH,
  /** submitPurchase / purchaseTransaction: the caller's wallet is managed; link an own address first. */
  WALLET_NOT_LINKED,
  /** updateListingPrice / delistListing: the listing's seller is not the caller's managed wallet. */
  NOT_YOUR_LISTING,
  /** updateListingPrice / delistListing: the listing is delisted (a delisting is final). */
  LISTING_NOT_ACTIVE
}
