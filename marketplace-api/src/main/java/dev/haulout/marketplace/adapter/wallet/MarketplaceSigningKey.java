package dev.haulout.marketplace.adapter.wallet;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.marketplace.application.port.MarketplaceKey;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * The marketplace's Ed25519 key that signs quotes and receipts: {@code haulout.marketplace.signing-key}
 * ({@code suiprivkey1…}), or on the embedded default generated once into {@code
 * ${haulout.embedded.state-dir}/marketplace-key} (mode 600). Its public half is published at
 * {@code GET /api/v1/marketplace-key}.
 */
@ApplicationScoped
public class MarketplaceSigningKey implements MarketplaceKey {
  private static final Logger LOG = Logger.getLogger(MarketplaceSigningKey.class);
  private final MarketplaceConfig config;
  private volatile Ed25519KeyPair key;

  public MarketplaceSigningKey(MarketplaceConfig config) {
    this.config = config;
  }

  @Override
  public Ed25519KeyPair keyPair() {
    Ed25519KeyPair k = key;
    if (k != null) {
      return k;
    }
    synchronized (this) {
      if (key == null) {
        var configured = config.marketplace().signingKey();
        if (configured.isPresent() && !configured.get().isBlank()) {
          try {
            key = Ed25519KeyPair.fromSuiPrivateKey(configured.get());
          } catch (IllegalArgumentException e) {
            throw new CatalogException(ErrorCode.UNAVAILABLE, "haulout.marketplace.signing-key is not a suiprivkey1… Ed25519 key");
          }
        } else if (config.embedded().enabled()) {
          Path file = Path.of(config.embedded().stateDir(), "marketplace-key");
          byte[] seed = null;
          try {
            seed = SecretFile.loadOrCreate(file, Ed25519KeyPair.SEED_LENGTH);
            key = Ed25519KeyPair.fromSeed(seed);
          } catch (IOException e) {
            throw new CatalogException(ErrorCode.UNAVAILABLE, "the marketplace signing key cannot be read", e);
          } finally {
            if (seed != null) {
              Arrays.fill(seed, (byte) 0);
            }
          }
          LOG.infof("marketplace signing key %s from %s", key.publicKey(), file);
        } else {
          throw new CatalogException(ErrorCode.UNAVAILABLE, "haulout.marketplace.signing-key is unset");
        }
      }
      return key;
    }
  }
}
