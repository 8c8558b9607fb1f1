package dev.haulout.marketplace.adapter.rest;

import dev.haulout.marketplace.config.MarketplaceConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Tells the browser app where to sign in; nothing secret (the web client is public, PKCE). */
@Path("/config.json")
public class WebConfigResource {
  private final MarketplaceConfig config;

  public WebConfigResource(MarketplaceConfig config) {
    this.config = config;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> get() {
    return Map.of(
        "oidcUrl", config.web().oidcUrl(),
        "oidcClientId", config.web().oidcClientId(),
        "graphqlPath", "/graphql");
  }
}
