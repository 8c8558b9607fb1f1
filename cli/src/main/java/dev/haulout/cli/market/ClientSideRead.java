package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.Versioned;
import dev.haulout.cli.storage.ProgressBar;
import dev.haulout.dataset.DatasetReadException;
import dev.haulout.dataset.DatasetReader;
import dev.haulout.dataset.KeyServerDirectory;
import dev.haulout.dataset.ReadSessions;
import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ByteRange;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.aggregator.WalrusHttpBlobStore;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client-side read (docs/commerce.md "Read → Client side"): the revision's blob id from the
 * ledger's Listing (older revisions from GraphQL {@code listing.revisions}), the key servers'
 * URLs and public keys from the ledger, a Seal session key made here and certified by the
 * account's wallet — the CLI's own key when the account's wallet is a linked address it holds
 * ({@code haulout wallet link}), else the managed wallet through GraphQL {@code
 * sessionCertificate} (only the session public key is sent) — key shares from t key servers, the
 * blob from the aggregator (or the storage nodes), authenticated chunk by chunk and decrypted
 * here by dataset's {@link DatasetReader}. The marketplace never sees a data key or plaintext.
 */
final class ClientSideRead {
  static final String ME_WALLET = "query{me{wallet{address managed}}}";
  static final String REVISIONS = "query($id:String!){listing(id:$id){revisions{revision blobId}}}";
  static final String CERTIFICATE = "mutation($k:String!,$t:Int){sessionCertificate(sessionPublicKey:$k,ttlMinutes:$t)"
      + "{user sessionVk creationTimeMs ttlMin signature packageId}}";

  private final Market market;
  private final NetworkOptions.Resolved net;
  private final Path keystore;
  private final PrintWriter err;
  private final boolean quiet;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom rng = new SecureRandom();

  ClientSideRead(Market market, NetworkOptions.Resolved net, Path keystore, PrintWriter err, boolean quiet) {
    this.market = market;
    this.net = net;
    this.keystore = keystore;
    this.err = err;
    this.quiet = quiet;
  }

  /** Writes plaintext {@code range} (null: all) of the revision to {@code out}; returns the bytes written. */
  long run(String listingId, Integer revision, ByteRange range, Path out) throws IOException {
    return run(listingId, revision, range, out, sessions());
  }

  /** As {@link #run(String, Integer, ByteRange, Path)} with sessions from {@code sessions}. */
  long run(String listingId, Integer revision, ByteRange range, Path out, ReadSessions.Sessions sessions)
      throws IOException {
    try (HttpLedgerClient ledger = HttpLedgerClient.create(net.ledgerUrl())) {
      String blobId = revision == null ? currentBlob(ledger, listingId) : revisionBlob(listingId, revision);
      KeyServerDirectory directory = directory(ledger);
      try (BlobStore store = blobStore(ledger);
          DatasetReader reader = DatasetReader.open(store, blobId, ReadSessions.keys(directory, sessions))) {
        reader.authorize();
        long len = reader.length();
        ByteRange r = range == null ? new ByteRange(0, len) : range;
        if (r.start() >= len && !(r.start() == 0 && len == 0)) {
          throw new CliError("RANGE_NOT_SATISFIABLE", "the range starts at " + r.start() + ", the revision has "
              + len + " bytes");
        }
        r = r.clip(len);
        return write(reader, r, out);
      } catch (DatasetReadException e) {
        throw translate(e, listingId);
      }
    }
  }

  /**
   * Writes {@code r} to {@code FILE.part}, then moves it to FILE. The part's blob id is kept in
   * {@code FILE.part.blob}: a rerun after an interruption continues from the part's length when the
   * revision's blob is still the same (every byte in the part was authenticated before it was
   * written), and starts over otherwise.
   */
  private long write(DatasetReader reader, ByteRange r, Path out) throws IOException {
    Path part = out.resolveSibling(out.getFileName() + ".part");
    Path blobFile = out.resolveSibling(out.getFileName() + ".part.blob");
    long have = Files.isRegularFile(part) && Files.isRegularFile(blobFile)
        && Files.readString(blobFile, StandardCharsets.UTF_8).strip().equals(reader.blobId()) ? Files.size(part) : 0;
    if (have > r.length()) {
      have = 0;
    }
    Files.writeString(blobFile, reader.blobId(), StandardCharsets.UTF_8);
    ProgressBar bar = new ProgressBar(err, quiet);
    long done = have;
    try (InputStream in = reader.range(r.start() + have, r.end());
        OutputStream os = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            have > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buf = new byte[256 * 1024];
      for (int k; (k = in.read(buf)) >= 0; ) {
        os.write(buf, 0, k);
        done += k;
        bar.onProgress("decrypt", done, r.length());
      }
    } catch (DatasetReadException e) {
      bar.finish();
      throw e;
    } catch (IOException e) {
      bar.finish();
      throw new CliError("DOWNLOAD_INTERRUPTED", "the read stopped at " + done + " bytes (" + e.getMessage()
          + "); run the same command again to continue");
    }
    bar.onProgress("decrypt", done, done);
    bar.finish();
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(blobFile);
    return done;
  }

  /** The current revision's blob, from the ledger's Listing object (not the catalog's copy). */
  static String currentBlob(Ledger ledger, String listingId) {
    Listing l = ReceiptLedgerCheck.call(() -> ledger.object(listingId)).map(Versioned::object)
        .filter(Listing.class::isInstance).map(Listing.class::cast)
        .orElseThrow(() -> new CliError("LISTING_NOT_FOUND", "no listing " + listingId + " on the ledger"));
    if (l.spec().blobId() == null) {
      throw new CliError("LISTING_NOT_FOUND", "listing " + listingId + " is a draft: nothing to read yet");
    }
    return l.spec().blobId();
  }

  private String revisionBlob(String listingId, int revision) {
    JsonNode l = market.graphql(REVISIONS, Map.of("id", listingId), false).path("listing");
    if (l.isMissingNode() || l.isNull()) {
      throw new CliError("LISTING_NOT_FOUND", "no listing " + listingId);
    }
    for (JsonNode r : l.path("revisions")) {
      if (r.path("revision").asInt() == revision) {
        return r.path("blobId").asText();
      }
    }
    throw new CliError("REVISION_NOT_FOUND", "listing " + listingId + " has no revision " + revision
        + " (revisions 1.." + l.path("revisions").size() + ")");
  }

  /**
   * Who certifies the session: the account's linked wallet, whose key the CLI must hold, or the
   * managed wallet through {@code sessionCertificate}.
   */
  private ReadSessions.Sessions sessions() throws IOException {
    JsonNode w = market.graphql(ME_WALLET, Map.of(), true).path("me").path("wallet");
    String address = w.path("address").asText();
    if (!w.path("managed").asBoolean(true)) {
      Ed25519KeyPair own = ownKey();
      if (own == null || !own.address().toString().equalsIgnoreCase(address)) {
        throw new CliError("WALLET_KEY_MISSING", "your account's wallet is the linked address " + address
            + "; no key for it at " + keystore + " (give --keystore or set HAULOUT_WALLET)");
      }
      return ReadSessions.signedBy(own, ReadSessions.DEFAULT_TTL_MIN, clock, rng);
    }
    return ReadSessions.certifiedBy(vk -> {
      JsonNode c = market.graphql(CERTIFICATE, Map.of("k", Hex.encode(vk), "t", ReadSessions.DEFAULT_TTL_MIN), true)
          .path("sessionCertificate");
      SessionCertificate cert = new SessionCertificate(SuiAddress.parse(c.path("user").asText()),
          Hex.decode(c.path("sessionVk").asText()), c.path("creationTimeMs").asLong(), c.path("ttlMin").asInt(),
          c.path("signature").asText(), null);
      if (!cert.user().toString().equalsIgnoreCase(address)) {
        throw new CliError("CERTIFICATE_MISMATCH", "the session certificate names " + cert.user() + ", your wallet is "
            + address);
      }
      return new ReadSessions.Certified(cert, SuiAddress.parse(c.path("packageId").asText()));
    }, clock, rng);
  }

  private Ed25519KeyPair ownKey() throws IOException {
    if (keystore == null || !Files.isRegularFile(keystore)) {
      return null;
    }
    return Ed25519KeyPair.fromSuiPrivateKey(Files.readString(keystore, StandardCharsets.UTF_8).strip());
  }

  /**
   * The ledger's key servers; when the marketplace named its key servers, only those registered by
   * the same owners (so a squatter re-registering a public key cannot hide one: see KeyServerDirectory).
   */
  private KeyServerDirectory directory(Ledger ledger) {
    if (net.keyServerIds().isEmpty()) {
      return ReceiptLedgerCheck.call(() -> KeyServerDirectory.load(ledger));
    }
    List<KeyServer> all = ReceiptLedgerCheck.call(ledger::keyServers);
    Set<SuiAddress> owners = new HashSet<>();
    for (KeyServer k : all) {
      if (net.keyServerIds().stream().anyMatch(id -> id.equalsIgnoreCase(k.id()))) {
        owners.add(SuiAddress.parse(k.owner()));
      }
    }
    return ReceiptLedgerCheck.call(() -> KeyServerDirectory.load(ledger, owners));
  }

  private BlobStore blobStore(Ledger ledger) {
    if (net.aggregatorUrl() != null) {
      return WalrusHttpBlobStore.create(net.aggregatorUrl(), net.aggregatorUrl(), StorageClientOptions.defaults());
    }
    return NodeProtocolBlobStore.create(ledger, null, StorageClientOptions.defaults());
  }

  /** The gateway's codes for the same failures (docs/commerce.md "Read"). */
  static CliError translate(DatasetReadException e, String listingId) {
    return switch (e.code()) {
      case NO_ACCESS -> new CliError("NO_ACCESS", "your wallet holds no pass or rental for " + listingId
          + " (the key servers refused)");
      case RENTAL_EXPIRED -> new CliError("RENTAL_EXPIRED", "your rental of " + listingId + " has expired");
      case BLOB_NOT_FOUND -> new CliError("REVISION_NOT_FOUND", "the content of " + listingId + " is no longer stored");
      case CONTENT_CORRUPT -> new CliError("CONTENT_CORRUPT", "the stored content of " + listingId
          + " failed authentication; nothing unauthenticated was written");
      case RANGE_NOT_SATISFIABLE -> new CliError("RANGE_NOT_SATISFIABLE", e.getMessage());
      case UNAVAILABLE -> new CliError("UNAVAILABLE", e.getMessage());
    };
  }
}
