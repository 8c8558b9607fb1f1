package dev.haulout.cli.market;

import picocli.CommandLine.Option;

/** Where the marketplace and its OpenID issuer are: options, else environment, else the local defaults. */
public final class MarketOptions {
  public static final String DEFAULT_API = "http://127.0.0.1:8080";
  public static final String DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/haulout";
  public static final String DEFAULT_CLIENT = "haulout-cli";

  @Option(names = "--api", paramLabel = "URL", description = "Marketplace URL (default $HAULOUT_API or " + DEFAULT_API + ").")
  String api;

  @Option(names = "--oidc-url", paramLabel = "URL", hidden = true,
      description = "OpenID issuer (default $HAULOUT_OIDC_URL or " + DEFAULT_ISSUER + ").")
  String issuer;

  public String api() {
    String a = api != null ? api : Env.get("HAULOUT_API", DEFAULT_API);
    return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
  }

  public String issuer() {
    return issuer != null ? issuer : Env.get("HAULOUT_OIDC_URL", DEFAULT_ISSUER);
  }
}
