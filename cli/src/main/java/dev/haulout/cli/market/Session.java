package dev.haulout.cli.market;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The tokens {@code haulout login} saved. {@code clientSecret} is kept only for a
 * client-credentials login (no refresh token is issued there; a new token is fetched with it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(
    String issuer,
    String clientId,
    String clientSecret,
    String grant,
    String accessToken,
    long expiresAtMs,
    String refreshToken,
    long refreshExpiresAtMs) {

  /** True when the access token is still good for at least {@code marginMs}. */
  public boolean fresh(long nowMs, long marginMs) {
    return accessToken != null && expiresAtMs - marginMs > nowMs;
  }
}
