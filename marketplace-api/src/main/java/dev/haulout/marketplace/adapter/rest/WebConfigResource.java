package dev.haulout.marketplace.adapter.rest;

import dev.haulout.dataset.KeyServerDirectory;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.marketplace.config.MarketplaceConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the browser app where to sign in and which Seal key servers to use; nothing secret (the
 * web client is public, PKCE). {@code keyServers} ({@code [{objectId, url, weight}]}) is read from
 * the ledger's {@code KeyServer} objects, as Seal's SDK takes {@code serverConfigs}; with {@code
 * sealThreshold} and {@code policyPackage} a client can seal and fetch shares itself; {@code
 * ledgerUrl} and {@code aggregatorUrl} (null when not embedded, or no aggregator runs) are where a
 * client-side reader (the CLI) finds the key servers' public keys, listings, transactions and blobs.
 */
@Path("/config.json")
public class WebConfigResource {
  private final MarketplaceConfig config;
  private final EmbeddedNetwork network;

  public WebConfigResource(MarketplaceConfig config, EmbeddedNetwork network) {
    this.config = config;
    this.network = network;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get() {
    KeyServerDirectory dir = network.keyServerDirectory();
    List<Map<String, Object>> servers = dir.entries().stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("objectId", e.info().objectId().toString());
      m.put("url", e.info().url().toString());
      m.put("weight", e.weight());
      return m;
    }).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("oidcUrl", config.web().oidcUrl());
    out.put("oidcClientId", config.web().oidcClientId());
    out.put("graphqlPath", "/graphql");
    out.put("keyServers", servers);
    out.put("sealThreshold", config.embedded().threshold());
    out.put("policyPackage", config.embedded().policyPackage());
    out.put("ledgerUrl", network.ledgerUrl());
    out.put("aggregatorUrl", network.storage() == null ? null : network.storage().publisherUrl());
    return out;
  }
}
