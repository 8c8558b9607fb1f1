package dev.haulout.marketplace.adapter.embedded;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.Versioned;
import dev.haulout.marketplace.application.port.ContentNetwork;
import dev.haulout.marketplace.config.MarketplaceConfig;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.storage.BlobStore;
import dev.haulout.wire.SuiAddress;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ContentNetwork} over the embedded default: the embedded ledger's objects, a read-only
 * client of the embedded storage nodes, and the embedded key servers. (The key server list moves
 * to the ledger's {@code KeyServer} objects once they exist there.)
 */
@ApplicationScoped
public class EmbeddedContentNetwork implements ContentNetwork {
  private final EmbeddedNetwork embedded;
  private final MarketplaceConfig config;
  private final Clock clock;
  private BlobStore store;
  private SealKeyClient keys;

  public EmbeddedContentNetwork(EmbeddedNetwork embedded, MarketplaceConfig config, Clock clock) {
    this.embedded = embedded;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public boolean available() {
    return embedded.ledger() != null && embedded.storage() != null;
  }

  @Override
  public Optional<Listing> listing(String listingId) {
    Ledger ledger = embedded.ledger();
    Optional<Versioned<dev.haulout.chain.model.ChainObject>> o;
    try {
      o = ledger.object(listingId);
    } catch (RuntimeException e) {
      return Optional.empty(); // not an object id the ledger accepts
    }
    return o.map(Versioned::object).filter(Listing.class::isInstance).map(Listing.class::cast);
  }

  @Override
  public synchronized BlobStore blobStore() {
    if (store == null) {
      store = embedded.storage().blobStore(null);
    }
    return store;
  }

  @Override
  public synchronized SealKeyClient keyServers() {
    if (keys == null) {
      List<KeyServerInfo> infos = new ArrayList<>();
      for (KeyServerHandle h : embedded.keyServers()) {
        infos.add(new KeyServerInfo(h.objectId(), URI.create(h.url()), h.publicKey()));
      }
      keys = SealKeyClient.create(infos);
    }
    return keys;
  }

  @Override
  public SuiAddress policyPackage() {
    return SuiAddress.parse(config.embedded().policyPackage());
  }

  @Override
  public Clock clock() {
    return clock;
  }

  synchronized void onStop(@Observes ShutdownEvent ev) {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
