package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.tx.TxKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Listings and access: a seller creates, updates and delists a listing and edits its allowlist; a
 * buyer pays for an {@link AccessPass} or a {@link Rental}, split between seller and marketplace.
 */
final class ListingRules {
  private static final long MAX_PERIODS = 100_000;

  private ListingRules() {}

  static void create(RuleContext ctx, String s, TxKind.CreateListing c) {
    validateSpec(c.spec());
    ListingStatus status = c.spec().hasContent() ? ListingStatus.ACTIVE : ListingStatus.DRAFT;
    Listing l = new Listing(ctx.newId(), s, c.spec(), ctx.config.feeBps(), status);
    listingEvent(ctx, "ListingCreated", l, ctx.create(l));
  }

  static void update(RuleContext ctx, String s, TxKind.UpdateListing u) {
    validateSpec(u.spec());
    Listing l = editableListing(ctx, s, u.listingId());
    Listing nl = l.withSpec(u.spec());
    if (l.status() == ListingStatus.ACTIVE && !u.spec().hasContent()) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "listing " + l.id() + " is active: blobId is required");
    }
    if (l.status() == ListingStatus.DRAFT && u.spec().hasContent()) {
      nl = nl.withStatus(ListingStatus.ACTIVE);
    }
    listingEvent(ctx, "ListingUpdated", nl, ctx.update(nl));
  }

  static void delist(RuleContext ctx, String s, TxKind.Delist d) {
    Listing l = editableListing(ctx, s, d.listingId()).withStatus(ListingStatus.DELISTED);
    listingEvent(ctx, "ListingDelisted", l, ctx.update(l));
  }

  static void allowlistAdd(RuleContext ctx, String s, TxKind.AllowlistAdd a) {
    Listing l = sellerListing(ctx, s, a.listingId(), true);
    List<String> allow = allowlist(l);
    if (!allow.contains(a.address())) {
      allow.add(a.address());
    }
    ListingLimits.allowlist(allow);
    Listing nl = l.withAllowlist(allow);
    listingEvent(ctx, "ListingUpdated", nl, ctx.update(nl));
  }

  static void allowlistRemove(RuleContext ctx, String s, TxKind.AllowlistRemove a) {
    Listing l = sellerListing(ctx, s, a.listingId(), false);
    List<String> allow = allowlist(l);
    if (!allow.remove(a.address())) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, a.address() + " is not on the allowlist");
    }
    Listing nl = l.withAllowlist(allow);
    listingEvent(ctx, "ListingUpdated", nl, ctx.update(nl));
  }

  static void buy(RuleContext ctx, String buyer, TxKind.Buy b) {
    Listing l = activeListing(ctx, b.listingId());
    long price = l.spec().buyPriceFrost();
    if (price <= 0 && !l.spec().isFree()) {
      throw new LedgerException(ErrorCode.NOT_FOR_SALE, "listing " + l.id() + " has no buy price");
    }
    checkMax(price, b.maxPriceFrost());
    long[] split = price == 0 ? new long[] {0, 0} : pay(ctx, buyer, l, price);
    AccessPass pass = new AccessPass(ctx.newId(), buyer, l.id(), price, ctx.nowMs);
    long v = ctx.create(pass);
    ctx.event("AccessPassIssued", pass.id(), v, EventBodies.of("passId", pass.id(), "listingId", l.id(),
        "owner", buyer, "seller", l.seller(), "priceFrost", price, "sellerRevenueFrost", split[0],
        "feeFrost", split[1], "feeRecipient", ctx.config.marketplaceAddress()));
  }

  static void rent(RuleContext ctx, String renter, TxKind.Rent r) {
    Listing l = activeListing(ctx, r.listingId());
    long periods = periods(r.periods());
    long price = rentCost(l, periods);
    checkMax(price, r.maxPriceFrost());
    long[] split = pay(ctx, renter, l, price);
    long expires = Amounts.addExact(ctx.nowMs, Amounts.mulExact(periods, l.spec().rentPeriodMs()));
    Rental rental = new Rental(ctx.newId(), renter, l.id(), ctx.nowMs, expires);
    long v = ctx.create(rental);
    ctx.event("RentalCreated", rental.id(), v, EventBodies.of("rentalId", rental.id(), "listingId", l.id(),
        "owner", renter, "seller", l.seller(), "expiresAtMs", expires, "priceFrost", price,
        "sellerRevenueFrost", split[0], "feeFrost", split[1]));
  }

  static void extend(RuleContext ctx, String s, TxKind.ExtendRental e) {
    Rental rental = ctx.load(e.rentalId(), Rental.class);
    RuleContext.requireOwner(s, rental);
    Listing l = activeListing(ctx, rental.listingId());
    long periods = periods(e.periods());
    long price = rentCost(l, periods);
    checkMax(price, e.maxPriceFrost());
    long[] split = pay(ctx, s, l, price);
    long expires = Amounts.addExact(Math.max(ctx.nowMs, rental.expiresAtMs()),
        Amounts.mulExact(periods, l.spec().rentPeriodMs()));
    Rental nr = rental.withExpiry(expires);
    long v = ctx.update(nr);
    ctx.event("RentalExtended", nr.id(), v, EventBodies.of("rentalId", nr.id(), "listingId", l.id(),
        "owner", s, "expiresAtMs", expires, "priceFrost", price, "sellerRevenueFrost", split[0],
        "feeFrost", split[1]));
  }

  private static long rentCost(Listing l, long periods) {
    long p = l.spec().rentPricePerPeriodFrost();
    if (p <= 0 || l.spec().rentPeriodMs() <= 0) {
      throw new LedgerException(ErrorCode.NOT_FOR_SALE, "listing " + l.id() + " is not for rent");
    }
    return Amounts.mulExact(p, periods);
  }

  /** Pays {@code price} from {@code payer}: seller revenue and marketplace fee; returns {revenue, fee}. */
  private static long[] pay(RuleContext ctx, String payer, Listing l, long price) {
    long fee = price / 10_000 * l.feeBps() + price % 10_000 * l.feeBps() / 10_000;
    long revenue = price - fee;
    ctx.debit(payer, price);
    ctx.credit(l.seller(), revenue);
    if (fee > 0) {
      ctx.credit(ctx.config.marketplaceAddress(), fee);
    }
    return new long[] {revenue, fee};
  }

  private static List<String> allowlist(Listing l) {
    return l.spec().allowlist() == null ? new ArrayList<>() : new ArrayList<>(l.spec().allowlist());
  }

  private static Listing activeListing(RuleContext ctx, String id) {
    Listing l = ctx.load(id, Listing.class);
    if (l.status() != ListingStatus.ACTIVE) {
      throw new LedgerException(ErrorCode.LISTING_NOT_ACTIVE, "listing " + id + " is " + l.status());
    }
    return l;
  }

  /** The sender's listing, active or still a draft (its seller may edit, complete or delist it). */
  private static Listing editableListing(RuleContext ctx, String sender, String id) {
    Listing l = ctx.load(id, Listing.class);
    if (l.status() == ListingStatus.DELISTED) {
      throw new LedgerException(ErrorCode.LISTING_NOT_ACTIVE, "listing " + id + " is " + l.status());
    }
    RuleContext.requireOwner(sender, l);
    return l;
  }

  private static Listing sellerListing(RuleContext ctx, String sender, String id, boolean mustBeActive) {
    Listing l = mustBeActive ? activeListing(ctx, id) : ctx.load(id, Listing.class);
    RuleContext.requireOwner(sender, l);
    return l;
  }

  private static void listingEvent(RuleContext ctx, String type, Listing l, long version) {
    ctx.event(type, l.id(), version, EventBodies.of("listing", EventBodies.listing(l)));
  }

  private static void checkMax(long price, long max) {
    if (max < 0 || price > max) {
      throw new LedgerException(ErrorCode.PRICE_ABOVE_MAXIMUM, "price " + price + " exceeds maximum " + max);
    }
  }

  private static long periods(long p) {
    if (p < 1 || p > MAX_PERIODS) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "periods must be 1.." + MAX_PERIODS + ": " + p);
    }
    return p;
  }

  private static void validateSpec(ListingSpec s) {
    ListingLimits.validate(s);
    Amounts.nonNegative(s.buyPriceFrost());
    Amounts.nonNegative(s.rentPricePerPeriodFrost());
    Amounts.nonNegative(s.rentPeriodMs());
    Amounts.nonNegative(s.sizeBytes());
    if (s.rentPricePerPeriodFrost() > 0 && s.rentPeriodMs() <= 0) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "rentPeriodMs must be > 0 when renting is offered");
    }
  }
}
