package dev.haulout.seal.session;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.seal.crypto.elgamal.ElGamalKeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * A client session for one policy package: an ephemeral Ed25519 key certified by the user's
 * wallet for at most 30 minutes. It signs each {@code fetch_key} request together with a fresh
 * ElGamal key pair ({@link #newRequest}). Mirrors the SDK's {@code SessionKey}.
 */
public final class SessionKey {
  /** The SDK's limits on ttl_min. */
  public static final int MIN_TTL_MIN = 1;

  public static final int MAX_TTL_MIN = 30;
  /** The SDK treats a session as expired this many ms before its real end. */
  public static final long EXPIRY_MARGIN_MS = 10_000;

  private final SuiAddress packageId;
  private final Ed25519KeyPair sessionKey;
  private final SessionCertificate certificate;
  private final Clock clock;
  private final SecureRandom random;

  private SessionKey(
      SuiAddress packageId,
      Ed25519KeyPair sessionKey,
      SessionCertificate certificate,
      Clock clock,
      SecureRandom random) {
    this.packageId = packageId;
    this.sessionKey = sessionKey;
    this.certificate = certificate;
    this.clock = clock;
    this.random = random;
  }

  /** Creates a session for {@code packageId} and signs its certificate with the user's key. */
  public static SessionKey create(
      Ed25519KeyPair user, SuiAddress packageId, int ttlMin, Clock clock, SecureRandom random) {
    return create(user, packageId, null, ttlMin, clock, random);
  }

  /** As {@link #create(Ed25519KeyPair, SuiAddress, int, Clock, SecureRandom)} with an MVR name. */
  public static SessionKey create(
      Ed25519KeyPair user,
      SuiAddress packageId,
      String mvrName,
      int ttlMin,
      Clock clock,
      SecureRandom random) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(packageId, "packageId");
    if (ttlMin < MIN_TTL_MIN || ttlMin > MAX_TTL_MIN) {
      throw new IllegalArgumentException("ttlMin must be in 1..30, got " + ttlMin);
    }
    Ed25519KeyPair session = Ed25519KeyPair.generate(random);
    long now = clock.millis();
    byte[] vk = session.publicKey().bytes();
    String name = mvrName != null ? mvrName : packageId.toString();
    String signature =
        SuiSignatures.signPersonalMessage(user, CertificateMessage.bytes(name, ttlMin, now, vk));
    SessionCertificate cert = new SessionCertificate(user.address(), vk, now, ttlMin, signature, mvrName);
    return new SessionKey(packageId, session, cert, clock, random);
  }

  /** Wraps an externally signed certificate (e.g. signed by a browser wallet) and its key. */
  public static SessionKey fromCertificate(
      SuiAddress packageId,
      Ed25519KeyPair sessionKey,
      SessionCertificate certificate,
      Clock clock,
      SecureRandom random) {
    if (!sessionKey.publicKey().equals(
        dev.haulout.chain.crypto.Ed25519PublicKey.fromBytes(certificate.sessionVk()))) {
      throw new IllegalArgumentException("session key does not match certificate session_vk");
    }
    return new SessionKey(packageId, sessionKey, certificate, clock, random);
  }

  public SuiAddress packageId() {
    return packageId;
  }

  public SuiAddress user() {
    return certificate.user();
  }

  public SessionCertificate certificate() {
    return certificate;
  }

  /** True once fewer than {@link #EXPIRY_MARGIN_MS} remain (the SDK's rule). */
  public boolean isExpired() {
    return certificate.expiresAtMs() - EXPIRY_MARGIN_MS < clock.millis();
  }

  /**
   * Signs a request for {@code ptb} (the ProgrammableTransaction BCS, without the kind tag) with
   * a fresh ElGamal key pair; throws {@link IllegalStateException} if the session has expired.
   */
  public KeyRequest newRequest(byte[] ptb) {
    if (isExpired()) {
      throw new IllegalStateException("session key expired at " + certificate.expiresAtMs());
    }
    ElGamalKeyPair eg = ElGamalKeyPair.generate(random);
    byte[] encKey = eg.encryptionKey().toBytes();
    byte[] encVk = eg.verificationKey().toBytes();
    byte[] sig = sessionKey.sign(SignedRequest.bytes(ptb, encKey, encVk));
    return new KeyRequest(ptb, eg, sig, certificate);
  }

  @Override
  public String toString() {
    return "SessionKey[user=" + certificate.user() + ", package=" + packageId + "]";
  }
}
