package dev.haulout.cli.storage;

import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.storage.BlobStore;
import dev.haulout.storage.StorageClientOptions;
import dev.haulout.storage.aggregator.WalrusHttpBlobStore;
import dev.haulout.storage.nodeproto.NodeProtocolBlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where blobs go: a Walrus-compatible publisher/aggregator ({@code --publisher}/{@code --aggregator}
 * or $HAULOUT_PUBLISHER_URL/$HAULOUT_AGGREGATOR_URL), else the storage nodes of the ledger's
 * committee ({@code --ledger} or $HAULOUT_LEDGER_URL), paying with the wallet key file.
 */
final class StorageEndpoints {
  @Option(names = "--publisher", description = "Walrus publisher URL (default $HAULOUT_PUBLISHER_URL).")
  String publisher;

  @Option(names = "--aggregator", description = "Walrus aggregator URL (default $HAULOUT_AGGREGATOR_URL, else the publisher).")
  String aggregator;

  @Option(names = "--ledger", description = "Ledger server URL for direct node access (default $HAULOUT_LEDGER_URL or http://127.0.0.1:9400).")
  String ledger;

  @Option(names = "--keystore", description = "Wallet key file paying for storage (default $HAULOUT_WALLET or ~/.haulout/wallet.key).")
  Path keystore;

  private HttpLedgerClient ledgerClient;

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  String publisherUrl() {
    return publisher != null ? publisher : env("HAULOUT_PUBLISHER_URL");
  }

  String aggregatorUrl() {
    if (aggregator != null) {
      return aggregator;
    }
    String a = env("HAULOUT_AGGREGATOR_URL");
    return a != null ? a : publisherUrl();
  }

  /** A store for writing ({@code write}) or reading only. Close it. */
  BlobStore open(boolean write) throws IOException {
    return open(write, StorageClientOptions.defaults());
  }

  /** As {@link #open(boolean)} with these client options. */
  BlobStore open(boolean write, StorageClientOptions options) throws IOException {
    return open(write, options, true);
  }

  /**
   * As {@link #open(boolean, StorageClientOptions)}; with {@code viaPublisher} false the storage
   * nodes are used even when a publisher/aggregator is configured ({@code haulout store --local}).
   */
  BlobStore open(boolean write, StorageClientOptions options, boolean viaPublisher) throws IOException {
    if (viaPublisher && (write ? publisherUrl() != null : aggregatorUrl() != null)) {
      return WalrusHttpBlobStore.create(publisherUrl(), aggregatorUrl() != null ? aggregatorUrl() : publisherUrl(), options);
    }
    ledgerClient = HttpLedgerClient.create(ledgerUrl());
    Ed25519KeyPair key = write ? wallet() : null;
    NodeProtocolBlobStore s = NodeProtocolBlobStore.create(ledgerClient, key, options);
    HttpLedgerClient lc = ledgerClient;
    return new BlobStore() {
      @Override
      public dev.haulout.storage.StoreResult store(java.io.InputStream in, long length, int epochs,
          dev.haulout.storage.ProgressListener progress) throws IOException {
        return s.store(in, length, epochs, progress);
      }

      @Override
      public java.io.InputStream read(String blobId, dev.haulout.storage.ByteRange range) {
        return s.read(blobId, range);
      }

      @Override
      public dev.haulout.storage.BlobStatus status(String blobId) {
        return s.status(blobId);
      }

      @Override
      public void close() {
        s.close();
        lc.close();
      }
    };
  }

  /** {@code --ledger}, else $HAULOUT_LEDGER_URL, else the embedded default's. */
  String ledgerUrl() {
    String url = configuredLedgerUrl();
    return url != null ? url : "http://127.0.0.1:9400";
  }

  /** {@code --ledger} or $HAULOUT_LEDGER_URL; null when neither is set. */
  String configuredLedgerUrl() {
    return ledger != null ? ledger : env("HAULOUT_LEDGER_URL");
  }

  private Ed25519KeyPair wallet() throws IOException {
    Path p = keystore;
    if (p == null) {
      String e = env("HAULOUT_WALLET");
      p = e != null ? Path.of(e) : Path.of(System.getProperty("user.home"), ".haulout", "wallet.key");
    }
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no wallet key at " + p + " (run `haulout wallet new` and `haulout wallet faucet`)");
    }
    return Ed25519KeyPair.fromSuiPrivateKey(Files.readString(p).trim());
  }
}
