package dev.haulout.marketplace.application;

import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.Versioned;
import dev.haulout.dataset.DatasetManifest;
import dev.haulout.dataset.DatasetReadException;
import dev.haulout.dataset.DatasetReader;
import dev.haulout.dataset.ReadSessions;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.marketplace.application.port.Wallets.Wallet;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.ListingRevision;
import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.seal.session.SessionKey;
import dev.haulout.wire.Hex;
import dev.haulout.storage.BlobStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The content gateway's use case (docs/commerce.md "Read"): find the revision's blob (the current
 * one from the ledger's Listing object, older ones from the catalog's revision history), sign a
 * short session key with the caller's managed wallet, and open a {@link DatasetReader} whose data
 * key the key servers release only if the ledger says the wallet may read. Blocking: call it off
 * the event loop.
 */
@ApplicationScoped
public class ContentService {
  /** Session keys the gateway signs live this long (the key servers refuse older ones). */
  static final int SESSION_TTL_MIN = 5;

  private final NetworkAccess network;
  private final Clock clock;
  private final SecureRandom rng = new SecureRandom();
  private BlobStore reads;

  public ContentService(NetworkAccess network, Clock clock) {
    this.network = network;
    this.clock = clock;
  }

  /** One read-only storage client for every read (created on first use). */
  private synchronized BlobStore reads() {
    if (reads == null) {
      reads = network.blobStore(null);
    }
    return reads;
  }

  @PreDestroy
  synchronized void close() {
    if (reads != null) {
      reads.close();
      reads = null;
    }
  }

  /** An opened revision: the reader (authorized: the data key is resolved), its ETag source and a file name. */
  public record Content(DatasetReader reader, String blobId, int revision, String filename) implements AutoCloseable {
    @Override
    public void close() {
      reader.close();
    }
  }

  /**
   * Opens revision {@code revision} (null: the current one) of {@code listingId} for {@code
   * wallet}. {@code history} is the catalog's revision list (oldest first), used for older revisions.
   */
  public Content open(Wallet wallet, String listingId, Integer revision, List<ListingRevision> history) {
    Listing listing = listing(listingId);
    String current = listing.spec().blobId();
    if (current == null) {
      throw notFound(listingId); // a draft: nothing to read yet
    }
    String blobId = current;
    int n = history.isEmpty() ? 1 : history.get(history.size() - 1).revision();
    if (revision != null) {
      ListingRevision r = history.stream().filter(h -> h.revision() == revision).findFirst()
          .orElseThrow(() -> new CatalogException(ErrorCode.REVISION_NOT_FOUND,
              "listing " + listingId + " has no revision " + revision
                  + (history.isEmpty() ? "" : " (revisions 1.." + history.size() + ")")));
      blobId = r.blobId();
      n = revision;
    }
    if (wallet.signer() == null) {
      throw new CatalogException(ErrorCode.NO_ACCESS, "the gateway reads only for managed wallets; a linked wallet "
          + "reads client-side with a session certificate it signs itself");
    }
    SessionKey session = SessionKey.create(wallet.signer(), network.sealing().policyPackage(), SESSION_TTL_MIN, clock,
        rng);
    DatasetReader reader = null;
    try {
      reader = DatasetReader.open(reads(), blobId, DatasetReader.keysOf(network.keyClient(), session));
      reader.authorize();
      return new Content(reader, blobId, n, filename(listing, n, revision != null));
    } catch (DatasetReadException e) {
      if (reader != null) {
        reader.close();
      }
      throw translate(e, listingId);
    }
  }

  /**
   * Every blob the revision stored as {@code blobId} lives in: that blob, then, when it is the
   * manifest of a dataset stored as parts, each part in order (dataset's {@code
   * DatasetManifest.blobsOf}). Receipts name them all. Blocking.
   */
  public List<String> blobsOf(String listingId, String blobId) {
    try {
      return DatasetManifest.blobsOf(reads(), blobId);
    } catch (DatasetReadException e) {
      throw translate(e, listingId);
    }
  }

  /**
   * A Seal session certificate for a client-side reader (docs/commerce.md "Client side"): the
   * caller's managed wallet signs, as a Sui personal message, that {@code sessionVk} (the client's
   * Ed25519 session public key, 32 bytes) may fetch keys for {@code ttlMinutes} (1..30) from now.
   * The client keeps the session secret; the server never sees a data key or plaintext.
   */
  public SessionCertificate sessionCertificate(Wallet wallet, String sessionVkHex, int ttlMinutes) {
    byte[] vk;
    try {
      vk = Hex.decode(sessionVkHex == null ? "" : sessionVkHex.trim());
    } catch (IllegalArgumentException e) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT, "sessionPublicKey must be hex");
    }
    if (vk.length != 32) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT,
          "sessionPublicKey must be a 32-byte Ed25519 public key, got " + vk.length + " bytes");
    }
    if (ttlMinutes < SessionKey.MIN_TTL_MIN || ttlMinutes > SessionKey.MAX_TTL_MIN) {
      throw new CatalogException(ErrorCode.INVALID_ARGUMENT,
          "ttlMinutes must be " + SessionKey.MIN_TTL_MIN + ".." + SessionKey.MAX_TTL_MIN + ", got " + ttlMinutes);
    }
    if (wallet.signer() == null) {
      throw new CatalogException(ErrorCode.FORBIDDEN,
          "a linked wallet signs its own session certificates; only managed wallets are signed here");
    }
    return ReadSessions.certify(wallet.signer(), network.sealing().policyPackage(), vk, ttlMinutes, clock);
  }

  /** The catalog error a dataset read failure stands for. */
  public static CatalogException translate(DatasetReadException e, String listingId) {
    return switch (e.code()) {
      case NO_ACCESS -> new CatalogException(ErrorCode.NO_ACCESS, "your wallet holds no pass or rental for " + listingId);
      case RENTAL_EXPIRED -> new CatalogException(ErrorCode.RENTAL_EXPIRED, "your rental of " + listingId + " has expired");
      case BLOB_NOT_FOUND -> new CatalogException(ErrorCode.REVISION_NOT_FOUND,
          "the content of " + listingId + " is no longer stored");
      case CONTENT_CORRUPT -> new CatalogException(ErrorCode.CONTENT_CORRUPT,
          "the stored content of " + listingId + " failed authentication");
      case RANGE_NOT_SATISFIABLE -> new CatalogException(ErrorCode.RANGE_NOT_SATISFIABLE, e.getMessage());
      case UNAVAILABLE -> new CatalogException(ErrorCode.UNAVAILABLE,
          "storage or key servers are unavailable; retry later", e);
    };
  }

  /** The ledger's Listing object (a malformed id is simply not one). */
  private Listing listing(String listingId) {
    Optional<Versioned<ChainObject>> o;
    try {
      o = network.ledger().object(listingId);
    } catch (LedgerException e) {
      if (e.code() == dev.haulout.chain.ErrorCode.INVALID_ARGUMENT) {
        throw notFound(listingId);
      }
      throw new CatalogException(ErrorCode.UNAVAILABLE, "the ledger is unavailable; retry later", e);
    }
    return o.map(Versioned::object).filter(Listing.class::isInstance).map(Listing.class::cast)
        .orElseThrow(() -> notFound(listingId));
  }

  private static CatalogException notFound(String listingId) {
    return new CatalogException(ErrorCode.LISTING_NOT_FOUND, "no listing " + listingId);
  }

  /** {@code <title>[-r<n>].<format>}, reduced to characters every client accepts in a file name. */
  static String filename(Listing listing, int n, boolean named) {
    String base = listing.spec().title() == null ? "" : listing.spec().title();
    base = base.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+|_+$", "");
    if (base.isEmpty()) {
      base = "dataset";
    }
    if (base.length() > 100) {
      base = base.substring(0, 100);
    }
    String format = listing.spec().format() == null ? "" : listing.spec().format().toLowerCase(Locale.ROOT);
    String ext = format.matches("[a-z0-9]{1,10}") ? "." + format : "";
    return base + (named ? "-r" + n : "") + ext;
  }
}
