package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.DatasetWriter;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.storage.BlobStore;
import dev.haulout.wire.SuiAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@link NetworkAccess} on the embedded default (ledger, storage nodes and key servers in this JVM). */
@ApplicationScoped
public class EmbeddedNetworkAccess implements NetworkAccess {
  private final EmbeddedNetwork network;
  private final MarketplaceConfig config;

  public EmbeddedNetworkAccess(EmbeddedNetwork network, MarketplaceConfig config) {
    this.network = network;
    this.config = config;
  }

  @Override
  public Ledger ledger() {
    Ledger l = network.ledger();
    if (l == null) {
      throw new CatalogException(ErrorCode.UNAVAILABLE, "no network: the marketplace runs without a ledger");
    }
    return l;
  }

  @Override
  public BlobStore blobStore(Ed25519KeyPair payer) {
    if (network.storage() == null) {
      throw new CatalogException(ErrorCode.UNAVAILABLE, "no storage network");
    }
    return network.storage().blobStore(payer);
  }

  @Override
  public DatasetWriter.Sealing sealing() {
    List<KeyServerHandle> servers = network.keyServers();
    if (servers.isEmpty()) {
      throw new CatalogException(ErrorCode.UNAVAILABLE, "no key servers");
    }
    List<KeyServerPublicKey> keys = servers.stream()
        .map(h -> new KeyServerPublicKey(h.objectId().bytes(), h.publicKey())).toList();
    return new DatasetWriter.Sealing(SuiAddress.parse(config.embedded().policyPackage()), keys,
        config.embedded().threshold());
  }

  @Override
  public int storageEpochs() {
    return 5;
  }
}
