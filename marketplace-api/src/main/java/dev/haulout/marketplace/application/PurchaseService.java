package dev.haulout.marketplace.application;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.Quote;
import dev.haulout.dataset.Receipt;
import dev.haulout.dataset.SignedDocumentException;
import dev.haulout.marketplace.application.port.Chain;
import dev.haulout.marketplace.application.port.ListingRepository;
import dev.haulout.marketplace.application.port.MarketplaceKey;
import dev.haulout.marketplace.application.port.PurchaseRepository;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.application.port.Wallets.Wallet;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.ListingId;
import dev.haulout.marketplace.domain.ListingRevision;
import dev.haulout.marketplace.domain.Purchase;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes and purchases (docs/commerce.md, "Buy and rent"): a signed quote fixes listing, kind,
 * periods, price and buyer for 5 minutes; a purchase pays it with the managed wallet in one Buy or
 * Rent transaction whose nonce derives from the idempotency key, and answers a signed receipt naming
 * the listing's current revision and every blob it is stored in. Both payment paths go through
 * {@code settle}: a transaction the ledger already executed is recorded from the ledger's receipt.
 */
@ApplicationScoped
public class PurchaseService {
  private static final int MAX_KEY = 128;
  private final Wallets wallets;
  private final Chain chain;
  private final MarketplaceKey key;
  private final PurchaseRepository purchases;
  private final ListingRepository listings;
  private final ContentService content;
  private final Clock clock = Clock.systemUTC();

  public PurchaseService(Wallets wallets, Chain chain, MarketplaceKey key, PurchaseRepository purchases,
      ListingRepository listings, ContentService content) {
    this.wallets = wallets;
    this.chain = chain;
    this.key = key;
    this.purchases = purchases;
    this.listings = listings;
    this.content = content;
  }

  public record SignedQuote(Quote quote, String token) {}

  public Uni<SignedQuote> quote(Viewer viewer, String listingId, Quote.Kind kind, Long periods) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      if (kind == null) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "kind is BUY or RENT");
      }
      long n = periods == null ? 1 : periods;
      if (n < 1 || n > 10_000 || (kind == Quote.Kind.BUY && n != 1)) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "periods must be 1..10000 (1 for BUY)");
      }
      return wallets.walletOf(v).flatMap(w -> Blocking.call(() -> {
        long price = currentPrice(listing(chain.ledger(), listingId), kind, n);
        Quote q = Quote.of(listingId, kind, n, price, w.address().toString(), clock);
        return new SignedQuote(q, q.sign(key.keyPair()));
      }));
    });
  }

  public Uni<Purchase> purchase(Viewer viewer, String token, String idempotencyKey) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      requireKey(idempotencyKey);
      Quote q = verify(token);
      return wallets.walletOf(v).flatMap(w -> {
        if (!q.buyer().equals(w.address().toString())) {
          throw new CatalogException(ErrorCode.QUOTE_INVALID, "the quote was made for another buyer");
        }
        if (!w.managed()) {
          throw new CatalogException(ErrorCode.FORBIDDEN, "a linked wallet signs its own purchase: purchaseTransaction, then submitPurchase");
        }
        return purchases.find(v.subject(), idempotencyKey).flatMap(existing -> existing != null
            ? Uni.createFrom().item(same(existing, q))
            : revisions(q.listingId())
                .flatMap(history -> Blocking.call(() -> settle(v, w, q, idempotencyKey,
                    Transactions.sign(w.signer(), managedTransaction(v.subject(), idempotencyKey, q)), history)))
                .flatMap(p -> purchases.insertIfAbsent(p).flatMap(stored -> purchases.find(v.subject(), idempotencyKey))));
      });
    });
  }

  /**
   * The Buy/Rent transaction a linked wallet signs for {@link #submitPurchase}: sender the linked
   * address, nonce from the idempotency key (as {@link #purchase}), {@code maxPrice} the quoted
   * price, expiring with the quote. Deterministic: the same quote and key give the same bytes.
   */
  public Uni<UnsignedPurchase> purchaseTransaction(Viewer viewer, String token, String idempotencyKey) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      requireKey(idempotencyKey);
      Quote q = verify(token);
      return wallets.walletOf(v).map(w -> {
        requireLinkedBuyer(w, q);
        TransactionData tx = transactionFor(v.subject(), idempotencyKey, q);
        return new UnsignedPurchase(q, tx, TxCodec.encode(tx));
      });
    });
  }

  /**
   * Pays a quote with a transaction the caller's linked wallet signed: it must be exactly {@link
   * #purchaseTransaction}'s ({@code TRANSACTION_MISMATCH} otherwise) and signed by the linked
   * address ({@code INVALID_SIGNATURE}). Recorded and answered as {@link #purchase}: the same key
   * returns the same purchase, and the ledger executes the one nonce once.
   */
  public Uni<Purchase> submitPurchase(Viewer viewer, String signedTransaction, String token, String idempotencyKey) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      requireKey(idempotencyKey);
      Quote q = verify(token);
      SignedTransaction signed = SignedPurchase.parse(signedTransaction);
      return wallets.walletOf(v).flatMap(w -> {
        requireLinkedBuyer(w, q);
        SignedPurchase.requireMatch(signed.txBytes(), transactionFor(v.subject(), idempotencyKey, q));
        if (!SuiSignatures.verifyTransaction(signed.txBytes(), signed.signature(), w.address())) {
          throw new CatalogException(ErrorCode.INVALID_SIGNATURE,
              "the signature is not a Sui transaction signature of these bytes by " + w.address());
        }
        return purchases.find(v.subject(), idempotencyKey).flatMap(existing -> existing != null
            ? Uni.createFrom().item(same(existing, q))
            : revisions(q.listingId())
                .flatMap(history -> Blocking.call(() -> settle(v, w, q, idempotencyKey, signed, history)))
                .flatMap(p -> purchases.insertIfAbsent(p).flatMap(stored -> purchases.find(v.subject(), idempotencyKey))));
      });
    });
  }

  /** An unsigned purchase transaction: its data, canonical bytes (what the wallet signs) and digest. */
  public record UnsignedPurchase(Quote quote, TransactionData tx, byte[] txBytes) {
    public UnsignedPurchase {
      txBytes = txBytes.clone();
    }

    @Override
    public byte[] txBytes() {
      return txBytes.clone();
    }

    public String digest() {
      return Transactions.digest(txBytes);
    }
  }

  public Uni<List<Purchase>> library(Viewer viewer) {
    return Uni.createFrom().deferred(() -> purchases.bySubject(Access.requireSignedIn(viewer).subject()));
  }

  /** The ledger nonce of a purchase: the first 8 bytes of SHA-256(subject ‖ idempotencyKey), as a u64. */
  public static long nonceOf(String subject, String idempotencyKey) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(subject.getBytes(StandardCharsets.UTF_8));
      d.update(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(d.digest(), 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requireKey(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "idempotencyKey must be 1..128 printable ASCII characters");
    }
  }

  private static void requireLinkedBuyer(Wallet w, Quote q) {
    if (w.managed()) {
      throw new CatalogException(ErrorCode.WALLET_NOT_LINKED,
          "the wallet is managed by the marketplace: pay with purchase, or link an own address (linkWallet) first");
    }
    if (!q.buyer().equals(w.address().toString())) {
      throw new CatalogException(ErrorCode.QUOTE_INVALID, "the quote was made for another buyer");
    }
  }

  /** The one transaction a linked wallet signs to pay {@code q} for {@code subject} under {@code idempotencyKey}. */
  private static TransactionData transactionFor(String subject, String idempotencyKey, Quote q) {
    return new TransactionData(q.buyer(), nonceOf(subject, idempotencyKey), q.expiresAtMs(), purchaseKind(q));
  }

  /**
   * The one transaction the managed wallet signs for {@code q} under {@code idempotencyKey}: no
   * expiry, so a retry with a fresh quote of the same terms is the same transaction (same digest).
   */
  private static TransactionData managedTransaction(String subject, String idempotencyKey, Quote q) {
    return new TransactionData(q.buyer(), nonceOf(subject, idempotencyKey), 0, purchaseKind(q));
  }

  private static TxKind purchaseKind(Quote q) {
    return q.kind() == Quote.Kind.BUY
        ? new TxKind.Buy(q.listingId(), q.priceFrost())
        : new TxKind.Rent(q.listingId(), q.periods(), q.priceFrost());
  }

  private Quote verify(String token) {
    try {
      return Quote.verify(token, key.keyPair().publicKey(), clock);
    } catch (SignedDocumentException e) {
      throw new CatalogException(e.reason() == SignedDocumentException.Reason.EXPIRED
          ? ErrorCode.QUOTE_EXPIRED : ErrorCode.QUOTE_INVALID, e.getMessage());
    }
  }

  private static Purchase same(Purchase p, Quote q) {
    if (!p.listingId().equals(q.listingId()) || !p.kind().equals(q.kind().name())) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "this idempotencyKey was used for another purchase");
    }
    return p;
  }

  /**
   * Pays {@code q} with {@code signed} (the managed wallet's transaction or the one a linked wallet
   * signed) and makes its purchase row, blocking. One home for both paths: a transaction the ledger
   * already executed — a retry after a lost answer, a concurrent double submit, or a process that
   * died between the ledger and the row — is found by its digest and recorded from the ledger's own
   * receipt, so it is charged once and answered with a receipt every time.
   */
  private Purchase settle(Viewer v, Wallet w, Quote q, String idempotencyKey, SignedTransaction signed,
      List<ListingRevision> history) {
    Ledger ledger = chain.ledger();
    Listing listing = listing(ledger, q.listingId());
    String digest = Transactions.digest(signed.txBytes());
    TxReceipt r = ledger.transaction(digest).orElse(null);
    RevisionBlobs c = contentOf(ledger, listing, history); // before paying: a storage failure charges nothing
    if (r == null) {
      requirePayable(ledger, listing, q, w);
      try {
        r = ledger.submit(signed);
      } catch (LedgerException e) {
        switch (e.code()) {
          case NONCE_ALREADY_USED, TX_ALREADY_EXECUTED -> r = ledger.transaction(digest).orElseThrow(() ->
              new CatalogException(ErrorCode.INVALID_ARGUMENT, "the wallet already used the nonce of this "
                  + "idempotencyKey for another transaction; use another idempotencyKey"));
          case INVALID_SIGNATURE -> throw new CatalogException(ErrorCode.INVALID_SIGNATURE,
              "the ledger refused the transaction's signature");
          case TRANSACTION_EXPIRED -> throw new CatalogException(ErrorCode.QUOTE_EXPIRED,
              "the quote (and the transaction with it) expired; ask for a new quote");
          default -> throw refusal(e, q);
        }
      }
    }
    return recorded(v, w, q, idempotencyKey, nonceOf(v.subject(), idempotencyKey), c, r);
  }

  /** What a receipt names of the listing's content: its revision number and its certified blobs. */
  private record RevisionBlobs(long revision, List<Receipt.BlobRef> blobs) {}

  /**
   * The current revision of {@code listing} as the catalog numbers it ({@code listing_revision},
   * what {@code /revisions/{n}/content} serves): the latest revision naming the ledger's current
   * blob, or, when the catalog has not applied that event yet, the one after its latest. The blobs
   * are the revision's blob and, for a dataset stored as parts, each part, with their certification.
   */
  private RevisionBlobs contentOf(Ledger ledger, Listing listing, List<ListingRevision> history) {
    String blobId = listing.spec().blobId();
    if (blobId == null) {
      return new RevisionBlobs(history.isEmpty() ? 1 : history.get(history.size() - 1).revision(), List.of());
    }
    List<Receipt.BlobRef> blobs = new ArrayList<>();
    for (String id : content.blobsOf(listing.id(), blobId)) {
      ledger.blobsByBlobId(id).stream().map(Versioned::object).filter(Blob.class::isInstance).map(Blob.class::cast)
          .map(b -> new Receipt.BlobRef(b.blobId(), b.id(), b.certifiedEpoch())).forEach(blobs::add);
    }
    return new RevisionBlobs(revisionOf(history, blobId), blobs);
  }

  /** The catalog's number for the revision naming {@code blobId} (see {@link #contentOf}). */
  static long revisionOf(List<ListingRevision> history, String blobId) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (blobId.equals(history.get(i).blobId())) {
        return history.get(i).revision();
      }
    }
    return history.isEmpty() ? 1 : history.get(history.size() - 1).revision() + 1L;
  }

  /** The catalog's revisions of {@code listingId}, oldest first (none for an id that is not one). */
  private Uni<List<ListingRevision>> revisions(String listingId) {
    ListingId id;
    try {
      id = ListingId.of(listingId);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(List.of());
    }
    return listings.revisions(id);
  }

  /** The price of {@code q} now, if it is still the quoted one and the wallet can pay it. */
  private static long requirePayable(Ledger ledger, Listing listing, Quote q, Wallet w) {
    long price = currentPrice(listing, q.kind(), q.periods());
    if (price != q.priceFrost()) {
      throw new CatalogException(ErrorCode.PRICE_CHANGED, "the price is now " + price + " FROST; ask for a new quote");
    }
    if (ledger.balance(w.address()) < price) {
      throw new CatalogException(ErrorCode.INSUFFICIENT_FUNDS, "the wallet holds less than " + price + " FROST");
    }
    return price;
  }

  private static CatalogException refusal(LedgerException e, Quote q) {
    return switch (e.code()) {
      case INSUFFICIENT_BALANCE -> new CatalogException(ErrorCode.INSUFFICIENT_FUNDS, "the wallet cannot pay " + q.priceFrost() + " FROST");
      case PRICE_ABOVE_MAXIMUM -> new CatalogException(ErrorCode.PRICE_CHANGED, "the price rose; ask for a new quote");
      case NOT_FOR_SALE, LISTING_NOT_ACTIVE -> new CatalogException(ErrorCode.NOT_FOR_SALE, "the listing is not for sale");
      case OBJECT_NOT_FOUND -> new CatalogException(ErrorCode.LISTING_NOT_FOUND, "no listing " + q.listingId());
      default -> new CatalogException(ErrorCode.UNAVAILABLE, "the ledger refused the purchase (" + e.code() + ")", e);
    };
  }

  /** The purchase row and signed receipt of an executed Buy/Rent transaction. */
  private Purchase recorded(Viewer v, Wallet w, Quote q, String idempotencyKey, long nonce, RevisionBlobs c, TxReceipt r) {
    Ledger ledger = chain.ledger();
    String accessId = r.createdObjects().isEmpty() ? null : r.createdObjects().get(0);
    Long expires = null;
    if (q.kind() == Quote.Kind.RENT && accessId != null) {
      expires = ledger.object(accessId).map(Versioned::object).filter(Rental.class::isInstance)
          .map(o -> ((Rental) o).expiresAtMs()).orElse(null);
    }
    long now = clock.millis();
    Receipt receipt = new Receipt(Receipt.VERSION, q.listingId(), c.revision(), w.address().toString(), q.kind().name(),
        q.priceFrost(), r.digest(), accessId, expires, c.blobs(), now);
    return new Purchase(v.subject(), idempotencyKey, nonce, w.address().toString(), q.listingId(), q.kind().name(),
        r.digest(), accessId, expires, receipt.sign(key.keyPair()), now);
  }

  private static Listing listing(Ledger ledger, String listingId) {
    if (listingId == null || !listingId.matches("0x[0-9a-fA-F]{64}")) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "listingId is 0x + 64 hex");
    }
    return ledger.object(listingId).map(Versioned::object).filter(Listing.class::isInstance).map(Listing.class::cast)
        .orElseThrow(() -> new CatalogException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId));
  }

  /**
   * The price of {@code periods} of {@code kind} now. A free listing (public, neither price: the
   * ledger's {@code ListingSpec.isFree}) is bought for 0 — the ledger issues the pass without a
   * payment — and is not for rent (a rental of nothing would only expire).
   */
  private static long currentPrice(Listing l, Quote.Kind kind, long periods) {
    if (l.status() == ListingStatus.ACTIVE && kind == Quote.Kind.BUY && l.spec().isFree()) {
      return 0;
    }
    long unit = kind == Quote.Kind.BUY ? l.spec().buyPriceFrost() : l.spec().rentPricePerPeriodFrost();
    if (l.status() != ListingStatus.ACTIVE || unit <= 0) {
      throw new CatalogException(ErrorCode.NOT_FOR_SALE, "the listing does not offer " + kind);
    }
    try {
      return Math.multiplyExact(unit, periods);
    } catch (ArithmeticException e) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "too many periods");
    }
  }
}
