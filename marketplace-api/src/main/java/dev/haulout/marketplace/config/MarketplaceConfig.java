package dev.haulout.marketplace.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Haulout's own settings (prefix {@code haulout}); service addresses are set by services/services.sh. */
@ConfigMapping(prefix = "haulout")
public interface MarketplaceConfig {

  Catalog catalog();

  Web web();

  Embedded embedded();

  Graphql graphql();

  Uploads upload();

  WalletSettings wallet();

  Marketplace marketplace();

  Publish publish();

  /** The publish pipeline (docs/commerce.md "Publish"). */
  interface Publish {
    /**
     * Largest part of a published envelope. Unset, a part is as large as the storage encoding
     * allows ({@code BlobStore.maxBlobLength()}: about 13.6 GiB at 1000 shards); set, the smaller of
     * the two (at least 4 KiB) — tests use a tiny one to publish datasets as parts under a manifest.
     */
    Optional<MemorySize> maxPartBytes();
  }

  /** The marketplace itself. */
  interface Marketplace {
    /**
     * Ed25519 key signing quotes and receipts ({@code suiprivkey1…}); unset on the embedded default
     * it is generated once into {@code ${haulout.embedded.state-dir}/marketplace-key} (mode 600).
     */
    Optional<String> signingKey();
  }

  /** Managed wallets (docs/commerce.md): their keys' encryption and the localnet funding. */
  interface WalletSettings {
    /**
     * Key-encryption key of the managed wallets' Ed25519 seeds: base64 of 32 bytes (AES-256-GCM).
     * When unset on the embedded default it is generated once into {@code
     * ${haulout.embedded.state-dir}/wallet-kek} (mode 600); when unset otherwise, wallets are
     * unavailable. Never logged.
     */
    Optional<String> kek();

    /** WAL the localnet faucet gives a new managed wallet (embedded ledger only; 0 gives none). */
    @WithDefault("1000")
    long faucetWal();

    /** How long a walletChallenge may be signed and sent to linkWallet. */
    @WithDefault("PT10M")
    Duration challengeTtl();
  }

  /** Resumable uploads: the tus 1.0 endpoint {@code /api/v1/uploads} (see the module README). */
  interface Uploads {
    /** Directory holding one data file per upload; created when missing. Must survive restarts. */
    String dir();

    /** Largest Upload-Length accepted (announced as Tus-Max-Size); larger creations get 413. */
    @WithDefault("64G")
    MemorySize maxSize();

    /** How long an unfinished upload is kept after its creation or last PATCH (Upload-Expires). */
    @WithDefault("PT24H")
    Duration expiry();

    /** How often expired unfinished uploads are removed (rows and files). */
    @WithDefault("PT10M")
    Duration cleanupInterval();
  }

  /** Limits of the GraphQL endpoint beyond SmallRye's depth, complexity and token limits. */
  interface Graphql {
    /**
     * Listing rows one request may ask for: first + 1 for every {@code listings} field, aliases and
     * fragments included. Over it the request gets {@code QUERY_TOO_EXPENSIVE} before anything runs.
     */
    @WithDefault("500")
    long maxRequestedRows();
  }

  /** The embedded default: the whole network in this JVM, each part on its own loopback port. */
  interface Embedded {
    /** Start the ledger and the key servers inside this process (the README's run command). */
    @WithDefault("false")
    boolean enabled();

    /** Directory for the embedded network's own state (key servers' master keys). */
    String stateDir();

    /** Storage shards of the embedded ledger (Walrus mainnet: 1000; tests use fewer). */
    @WithDefault("1000")
    int shards();

    /** Ledger HTTP port; 0 picks a free one. */
    @WithDefault("9400")
    int ledgerPort();

    /** PostgreSQL schema of the embedded ledger (same database as the catalog). */
    @WithDefault("ledger")
    String ledgerSchema();

    /** Number of key servers (n). */
    @WithDefault("3")
    int keyServers();

    /** Key shares needed to decrypt (t). */
    @WithDefault("2")
    int threshold();

    /** Port of key server 0; server i listens on base + i. 0 picks free ports. */
    @WithDefault("9500")
    int keyServerBasePort();

    /** Number of storage nodes (each its own HTTP server speaking the Walrus node API). */
    @WithDefault("7")
    int storageNodes();

    /** Port of storage node 0; node i listens on base + i. 0 picks free ports (kept across restarts). */
    @WithDefault("9600")
    int storageBasePort();

    /** Port of the Walrus-compatible publisher/aggregator; 0 picks a free one, -1 starts none. */
    @WithDefault("9700")
    int publisherPort();

    /** Sui package id of the access policy the key servers accept (seal_approve calls). */
    @WithDefault("0x000000000000000000000000000000000000000000000000000000000000a11c")
    String policyPackage();
  }

  interface Catalog {
    /** Kafka topic the chain publishes its events to (the catalog's only input). */
    @WithDefault("haulout.chain.events")
    String eventsTopic();

    /** Publish the demo listings as chain events at start (embedded default only). */
    @WithDefault("false")
    boolean seedDemo();
  }

  interface Web {
    /** Issuer URL the browser signs in with (a Keycloak realm). */
    String oidcUrl();

    /** Public OIDC client of the browser app (authorization code + PKCE). */
    @WithDefault("haulout-web")
    String oidcClientId();
  }
}
