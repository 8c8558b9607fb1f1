package dev.haulout.seal.session;

import dev.haulout.wire.SuiAddress;
import java.util.Objects;

/**
 * The certificate that travels with every {@code fetch_key} request: the user's wallet signature
 * (Sui personal message, serialized base64) over {@link CertificateMessage} authorising
 * {@code sessionVk} for {@code ttlMin} minutes from {@code creationTimeMs}.
 *
 * @param mvrName optional Move-registry name shown instead of the package id; {@code null} if absent
 */
public record SessionCertificate(
    SuiAddress user,
    byte[] sessionVk,
    long creationTimeMs,
    int ttlMin,
    String signature,
    String mvrName) {
  public SessionCertificate {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(signature, "signature");
    if (sessionVk == null || sessionVk.length != 32) {
      throw new IllegalArgumentException(
          "session_vk must be 32 bytes, got " + (sessionVk == null ? "null" : sessionVk.length));
    }
    if (ttlMin < 0 || ttlMin > 0xffff) {
      throw new IllegalArgumentException("ttl_min must be a u16, got " + ttlMin);
    }
    sessionVk = sessionVk.clone();
  }

  @Override
  public byte[] sessionVk() {
    return sessionVk.clone();
  }

  /** The personal message this certificate signs, for the package id in the request's PTB. */
  public byte[] personalMessage(SuiAddress packageId) {
    String name = mvrName != null ? mvrName : packageId.toString();
    return CertificateMessage.bytes(name, ttlMin, creationTimeMs, sessionVk);
  }

  /** Expiry instant in ms: {@code creation_time + ttl_min minutes}. */
  public long expiresAtMs() {
    return creationTimeMs + ttlMin * 60_000L;
  }
}
