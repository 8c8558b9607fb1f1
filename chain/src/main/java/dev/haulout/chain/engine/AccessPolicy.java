package dev.haulout.chain.engine;

import dev.haulout.chain.AccessDecision;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.model.Versioned;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code seal_approve} for listings. The inner id must start with the listing's 32-byte id
 * (as Seal's whitelist/subscription patterns require the prefix). Allowed, in order: the seller;
 * an owner of an AccessPass for the listing; an owner of a Rental with {@code now < expiresAt};
 * an address on the listing's allowlist. Anything else is denied with a reason.
 */
public final class AccessPolicy {
  /** Read-only view of state the policy needs. */
  public interface View {
    Optional<Versioned<ChainObject>> object(String id);

    List<Versioned<ChainObject>> ownedBy(String owner, String type);

    /** Objects of {@code type} owned by {@code owner} that refer to {@code listingId}. */
    default List<Versioned<ChainObject>> ownedFor(String owner, String type, String listingId) {
      return ownedBy(owner, type);
    }
  }

  private AccessPolicy() {}

  public static AccessDecision evaluate(View state, byte[] innerId, SuiAddress requester, Instant now) {
    if (innerId == null || innerId.length < 32) {
      return AccessDecision.deny(AccessDecision.Reason.MALFORMED_IDENTITY, "identity must start with a 32-byte listing id");
    }
    String listingId = SuiAddress.fromBytes(Arrays.copyOf(innerId, 32)).toString();
    Optional<Versioned<ChainObject>> o = state.object(listingId);
    if (o.isEmpty() || !(o.get().object() instanceof Listing listing)) {
      return AccessDecision.deny(AccessDecision.Reason.LISTING_NOT_FOUND, "no listing " + listingId);
    }
    String who = requester.toString();
    if (listing.seller().equals(who)) {
      return AccessDecision.allow(AccessDecision.Reason.SELLER, "requester is the seller");
    }
    Function<Versioned<ChainObject>, ChainObject> obj = Versioned::object;
    for (ChainObject c : state.ownedFor(who, "AccessPass", listingId).stream().map(obj).toList()) {
      if (c instanceof AccessPass p && p.listingId().equals(listingId)) {
        return AccessDecision.allow(AccessDecision.Reason.ACCESS_PASS, "access pass " + p.id());
      }
    }
    boolean expired = false;
    for (ChainObject c : state.ownedFor(who, "Rental", listingId).stream().map(obj).toList()) {
      if (c instanceof Rental r && r.listingId().equals(listingId)) {
        if (now.toEpochMilli() < r.expiresAtMs()) {
          return AccessDecision.allow(AccessDecision.Reason.RENTAL, "rental " + r.id() + " until " + r.expiresAtMs());
        }
        expired = true;
      }
    }
    List<String> allow = listing.spec().allowlist();
    if (allow != null && allow.contains(who)) {
      return AccessDecision.allow(AccessDecision.Reason.ALLOWLIST, "requester is on the allowlist");
    }
    if (expired) {
      return AccessDecision.deny(AccessDecision.Reason.RENTAL_EXPIRED, "rental for " + listingId + " has expired");
    }
    return AccessDecision.deny(AccessDecision.Reason.NO_ACCESS, "requester holds no pass, rental or allowlist entry");
  }
}
