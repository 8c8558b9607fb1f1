package dev.haulout.marketplace.application;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.Wal;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.marketplace.application.port.Chain;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.application.port.Wallets.Wallet;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.PublishRequest;
import dev.haulout.marketplace.domain.Texts;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * A seller's changes to a listing after publishing (docs/commerce.md, "Sell"): new prices
 * ({@code UpdateListing} with the same content) and delisting ({@code Delist}), signed by the
 * caller's managed wallet, which must be the listing's seller. The catalog follows from the
 * ledger's events; passes and rentals already sold keep reading (the policy does not look at the
 * status).
 */
@ApplicationScoped
public class SellerService {
  private static final SecureRandom NONCES = new SecureRandom();
  private final Wallets wallets;
  private final Chain chain;

  public SellerService(Wallets wallets, Chain chain) {
    this.wallets = wallets;
    this.chain = chain;
  }

  /** What a change did on the ledger: the catalog shows it once its listing is at {@code version}. */
  public record ListingChange(String listingId, String txDigest, long version, ListingStatus status, ListingSpec spec) {}

  /** New prices; a null argument keeps the current term. Buy and rent both 0 is a free listing. */
  public record PriceChange(String buyPriceWal, String rentPriceWal, String rentPeriod, Boolean free) {}

  public Uni<ListingChange> updatePrice(Viewer viewer, String listingId, PriceChange change) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      requireSomething(change);
      return wallets.managedWalletOf(v).flatMap(w -> Blocking.call(() -> {
        Listing l = ownListing(w, listingId);
        ListingSpec s = priced(l.spec(), change);
        return submit(w, listingId, new TxKind.UpdateListing(listingId, s));
      }));
    });
  }

  public Uni<ListingChange> delist(Viewer viewer, String listingId) {
    return Uni.createFrom().deferred(() -> {
      Viewer v = Access.requireSignedIn(viewer);
      return wallets.managedWalletOf(v).flatMap(w -> Blocking.call(() -> {
        ownListing(w, listingId);
        return submit(w, listingId, new TxKind.Delist(listingId));
      }));
    });
  }

  private static void requireSomething(PriceChange c) {
    if (c.buyPriceWal() == null && c.rentPriceWal() == null && c.rentPeriod() == null && c.free() == null) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "give buyPriceWal, rentPriceWal, rentPeriod or free");
    }
  }

  /** {@code spec} with the change applied, checked as publishing checks prices. */
  static ListingSpec priced(ListingSpec spec, PriceChange c) {
    long buy = c.buyPriceWal() == null ? spec.buyPriceFrost() : wal("buyPriceWal", c.buyPriceWal());
    long rent = c.rentPriceWal() == null ? spec.rentPricePerPeriodFrost() : wal("rentPriceWal", c.rentPriceWal());
    long period = spec.rentPeriodMs();
    if (c.rentPeriod() != null) {
      try {
        period = PublishRequest.parsePeriod(c.rentPeriod().strip());
      } catch (IllegalArgumentException e) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
      }
    }
    if (Boolean.TRUE.equals(c.free())) {
      if ((c.buyPriceWal() != null && buy > 0) || (c.rentPriceWal() != null && rent > 0)) {
        throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "a free listing has no buy or rent price");
      }
      buy = 0;
      rent = 0;
    } else if (Boolean.FALSE.equals(c.free()) && buy == 0 && rent == 0) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT,
          "a listing with neither a buy nor a rent price is free: give a price, or free: true");
    }
    if (rent == 0) {
      period = 0;
    } else if (period <= 0) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "rentPeriod is required with rentPriceWal (e.g. 30d, 12h, P30D)");
    }
    return new ListingSpec(spec.blobId(), spec.sealedKeyRef(), spec.title(), spec.description(), spec.tags(),
        spec.license(), spec.sizeBytes(), spec.format(), spec.schemaSummary(), spec.previewRef(), buy, rent, period,
        spec.allowlist());
  }

  private static long wal(String name, String value) {
    try {
      return Wal.parseWal(value.strip());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT,
          name + " '" + Texts.printable(value, 40) + "' is not a WAL amount (≥ 0, at most 9 decimals)");
    }
  }

  /** The ledger's listing, if the managed wallet is its seller and it is not delisted. */
  private Listing ownListing(Wallet w, String listingId) {
    if (listingId == null || !listingId.matches("0x[0-9a-fA-F]{64}")) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "listingId is 0x + 64 hex");
    }
    Listing l = chain.ledger().object(listingId).map(Versioned::object).filter(Listing.class::isInstance)
        .map(Listing.class::cast)
        .orElseThrow(() -> new CatalogException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId));
    if (!l.seller().equals(w.address().toString())) {
      throw new CatalogException(ErrorCode.NOT_YOUR_LISTING, "listing " + listingId + " is not yours");
    }
    if (l.status() == ListingStatus.DELISTED) {
      throw new CatalogException(ErrorCode.LISTING_NOT_ACTIVE, "listing " + listingId + " is delisted");
    }
    return l;
  }

  private ListingChange submit(Wallet w, String listingId, TxKind kind) {
    Ledger ledger = chain.ledger();
    TxReceipt r;
    try {
      r = ledger.submit(Transactions.sign(w.signer(),
          new TransactionData(w.address().toString(), NONCES.nextLong(), 0, kind)));
    } catch (LedgerException e) {
      throw switch (e.code()) {
        case OBJECT_NOT_FOUND -> new CatalogException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId);
        case NOT_OWNER -> new CatalogException(ErrorCode.NOT_YOUR_LISTING, "listing " + listingId + " is not yours");
        case LISTING_NOT_ACTIVE -> new CatalogException(ErrorCode.LISTING_NOT_ACTIVE, "listing " + listingId + " is delisted");
        case INVALID_ARGUMENT, INVALID_AMOUNT, AMOUNT_OVERFLOW -> new CatalogException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
        default -> new CatalogException(ErrorCode.UNAVAILABLE, "the ledger refused the change (" + e.code() + ")", e);
      };
    }
    Versioned<?> now = ledger.object(listingId).orElseThrow();
    Listing l = (Listing) now.object();
    return new ListingChange(listingId, r.digest(), now.version(), l.status(), l.spec());
  }
}
