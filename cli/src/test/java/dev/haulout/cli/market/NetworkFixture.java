package dev.haulout.cli.market;

import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.bls.BlsCertificates;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.server.LedgerServer;
import dev.haulout.chain.server.LedgerServerOptions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.DatasetWriter;
import dev.haulout.dataset.KeyServerRegistration;
import dev.haulout.dataset.Receipt;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.LedgerAccessPolicy;
import dev.haulout.seal.server.EmbeddedKeyServers;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.embedded.EmbeddedNetworkOptions;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
import dev.haulout.wire.SuiAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One real network for the CLI's client-side tests, started once per test JVM: a PostgreSQL
 * ledger, 4 storage nodes with a Walrus-compatible aggregator, and three key servers registered on
 * that ledger (2-of-3) that decide through it — what {@code ./dev run} starts, without the
 * marketplace. A seller publishes one encrypted revision with dataset's DatasetWriter; a buyer buys
 * it with a signed Buy transaction, and its receipt is made as marketplace-api's PurchaseService
 * makes it, signed with {@link #MARKET}.
 */
final class NetworkFixture {
  static final SecureRandom RNG = new SecureRandom();
  static final SuiAddress PKG = SuiAddress.parse("0x" + "00".repeat(31) + "c1");
  static final Ed25519KeyPair MARKET = Ed25519KeyPair.generate();
  static final Ed25519KeyPair OPERATOR = Ed25519KeyPair.generate();
  static final Ed25519KeyPair SELLER = Ed25519KeyPair.generate();
  static final Ed25519KeyPair BUYER = Ed25519KeyPair.generate();
  static final Ed25519KeyPair STRANGER = Ed25519KeyPair.generate();
  static final long PRICE = 5 * Wal.FROST_PER_WAL;

  static PgOptions pg;
  static LedgerServer ledger;
  static EmbeddedStorageNetwork storage;
  static EmbeddedKeyServers keyServers;
  static String listingId;
  static String blobId;
  static byte[] plain;
  static TxReceipt bought;
  static Receipt receipt;

  private NetworkFixture() {}

  static synchronized void start() {
    if (ledger != null) {
      return;
    }
    try {
      pg = TestLedgers.freshSchema("cli_client_read");
      ledger = LedgerServer.start(LedgerServerOptions.defaults().withPort(0).withPg(pg).withEpochCheckMs(0)
          .withConfig(LedgerConfig.localnet().withNShards(10)).withCertificates(BlsCertificates.verifier()));
      storage = EmbeddedStorageNetwork.start(ledger.ledger(), EmbeddedNetworkOptions.defaults().withNodes(4)
          .withBasePort(0).withPublisher(0).withHealIntervalMs(0)
          .withDataDir(Files.createTempDirectory("cli-client-read")));
      for (Ed25519KeyPair k : List.of(OPERATOR, SELLER, BUYER)) {
        ledger.ledger().faucet(k.address(), 1_000L * Wal.FROST_PER_WAL);
      }
      List<MasterKeyPair> masters = new ArrayList<>();
      List<KeyServerRegistration.Spec> specs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        MasterKeyPair m = MasterKeyPair.generate(RNG);
        masters.add(m);
        specs.add(new KeyServerRegistration.Spec("cli-ks-" + i, m.publicKey().toBytes(), "http://127.0.0.1/", 1));
      }
      List<SuiAddress> ids = KeyServerRegistration.ensureRegistered(ledger.ledger(), OPERATOR, specs);
      keyServers = EmbeddedKeyServers.start(masters, ids, PKG, LedgerAccessPolicy.of(ledger.ledger()), o -> o.port(0));
      Map<SuiAddress, String> urls = new LinkedHashMap<>();
      List<KeyServerPublicKey> pks = new ArrayList<>();
      for (KeyServerHandle h : keyServers.handles()) {
        urls.put(h.objectId(), h.url());
        pks.add(new KeyServerPublicKey(h.objectId().bytes(), h.publicKey()));
      }
      KeyServerRegistration.publishUrls(ledger.ledger(), OPERATOR, urls);

      listingId = ledger.ledger().submit(TestLedgers.sign(SELLER, new TxKind.CreateListing(spec(null))))
          .createdObjects().get(0);
      plain = new byte[(1 << 20) + 54_321]; // two envelope chunks, the second short
      RNG.nextBytes(plain);
      try (BlobStore s = storage.blobStore(SELLER)) {
        blobId = DatasetWriter.write(new ByteArrayInputStream(plain), plain.length, "text/csv",
            SuiAddress.parse(listingId), new DatasetWriter.Sealing(PKG, pks, 2), s, 3, ProgressListener.NONE, RNG)
            .stored().blobId();
      }
      ledger.ledger().submit(TestLedgers.sign(SELLER, new TxKind.UpdateListing(listingId, spec(blobId))));
      bought = ledger.ledger().submit(TestLedgers.sign(BUYER, new TxKind.Buy(listingId, PRICE)));
      List<Receipt.BlobRef> blobs = ledger.ledger().blobsByBlobId(blobId).stream().map(Versioned::object)
          .filter(Blob.class::isInstance).map(Blob.class::cast)
          .map(b -> new Receipt.BlobRef(b.blobId(), b.id(), b.certifiedEpoch())).toList();
      receipt = new Receipt(Receipt.VERSION, listingId, 1, BUYER.address().toString(), "BUY", PRICE, bought.digest(),
          bought.createdObjects().get(0), null, blobs, System.currentTimeMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(NetworkFixture::stop));
  }

  static ListingSpec spec(String blob) {
    return new ListingSpec(blob, null, "CLI read test", "a dataset the CLI decrypts", List.of("test"), "CC-BY-4.0",
        1 << 20, "csv", "-", "-", PRICE, 0, 0, null);
  }

  static String ledgerUrl() {
    return ledger.baseUrl();
  }

  static String aggregatorUrl() {
    return storage.publisherUrl();
  }

  private static void stop() {
    if (keyServers != null) {
      keyServers.close();
    }
    if (storage != null) {
      storage.close();
    }
    if (ledger != null) {
      ledger.close();
    }
    TestLedgers.dropSchema(pg);
  }
}
