package dev.haulout.marketplace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Haulout's own settings (prefix {@code haulout}); service addresses are set by services/services.sh. */
@ConfigMapping(prefix = "haulout")
public interface MarketplaceConfig {

  Catalog catalog();

  Web web();

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
