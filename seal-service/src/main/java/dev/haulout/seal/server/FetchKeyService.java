package dev.haulout.seal.server;

import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.elgamal.ElGamal;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.policy.AccessDecision;
import dev.haulout.seal.policy.AccessPolicyPort;
import dev.haulout.seal.server.ptb.SealApprovePtb;
import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.seal.session.SignedRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transport-free core of {@code /v1/fetch_key}, in Seal's order ({@code server.rs
 * check_request}): PTB rules, policy package, certificate time, the user's personal-message
 * signature, the session signature over the request, rate limit, policy, then one ElGamal-encrypted
 * user secret key per {@code seal_approve*} call. Thread-safe.
 */
public final class FetchKeyService {
  private final MasterKeyPair masterKey;
  private final SuiAddress objectId;
  private final SuiAddress policyPackage;
  private final AccessPolicyPort policy;
  private final Clock clock;
  private final long sessionTtlMaxMs;
  private final RequesterRateLimiter rateLimiter;
  private final SecureRandom random = new SecureRandom();

  FetchKeyService(KeyServerOptions o) {
    o.validate();
    this.masterKey = o.masterKey();
    this.objectId = o.objectId();
    this.policyPackage = o.policyPackage();
    this.policy = o.policy();
    this.clock = o.clock();
    this.sessionTtlMaxMs = o.sessionTtlMax().toMillis();
    this.rateLimiter = RequesterRateLimiter.create(o.ratePerSecond(), o.rateBurst(), o.clock());
  }

  /** Creates the service from options (validates them). */
  public static FetchKeyService create(KeyServerOptions options) {
    return new FetchKeyService(options);
  }

  public SuiAddress objectId() {
    return objectId;
  }

  public G2Point publicKey() {
    return masterKey.publicKey();
  }

  /** The proof of possession {@code /v1/service} returns for this server's object id. */
  public G1Point proofOfPossession() {
    return BonehFranklin.proofOfPossession(masterKey.secretKey(), objectId.bytes());
  }

  /** Verifies and answers one request; throws {@link KeyServerException} with Seal's codes. */
  public List<IssuedKey> fetchKeys(FetchKeyRequest request) {
    SealApprovePtb ptb = SealApprovePtb.validate(request.ptb());
    if (!ptb.packageId().equals(policyPackage)) {
      throw new KeyServerException(
          KeyServerErrorCode.UnsupportedPackageId,
          "Unsupported package ID " + ptb.packageId() + "; this server serves " + policyPackage);
    }
    SessionCertificate cert = request.certificate();
    if (cert.mvrName() != null) {
      throw new KeyServerException(
          KeyServerErrorCode.InvalidMVRName, "MVR names are not supported by this key server");
    }
    long now = clock.millis();
    checkCertificateTime(cert, now);
    if (!SuiSignatures.verifyPersonalMessage(
        cert.personalMessage(ptb.packageId()), cert.signature(), cert.user())) {
      throw new KeyServerException(KeyServerErrorCode.InvalidSignature, "Invalid user signature");
    }
    byte[] signed =
        SignedRequest.bytes(request.ptb(), request.encKey(), request.encVerificationKey());
    if (!Ed25519PublicKey.fromBytes(cert.sessionVk()).verify(signed, request.requestSignature())) {
      throw new KeyServerException(
          KeyServerErrorCode.InvalidSessionSignature, "Invalid session key signature");
    }
    if (!rateLimiter.tryAcquire(cert.user())) {
      throw new KeyServerException(
          KeyServerErrorCode.TooManyRequests, "Too many requests from " + cert.user());
    }
    G1Point encKey = parseEncryptionKey(request);
    Instant at = Instant.ofEpochMilli(now);
    for (SealApprovePtb.Call call : ptb.calls()) {
      AccessDecision d =
          policy.evaluate(
              ptb.packageId(), call.module(), call.function(), call.innerId(), cert.user(), at);
      switch (d.outcome()) {
        case GRANTED:
          break;
        case FUNCTION_NOT_FOUND:
          throw new KeyServerException(KeyServerErrorCode.InvalidPTB, "Invalid PTB: " + d.reason());
        default:
          throw new KeyServerException(KeyServerErrorCode.NoAccess, "Access denied: " + d.reason());
      }
    }
    List<IssuedKey> out = new ArrayList<>(ptb.calls().size());
    byte[] pkg = ptb.packageId().bytes();
    for (SealApprovePtb.Call call : ptb.calls()) {
      byte[] fullId = ObjectIds.fullId(pkg, call.innerId());
      G1Point usk = BonehFranklin.extract(masterKey.secretKey(), fullId);
      out.add(new IssuedKey(fullId, ElGamal.encrypt(encKey, usk, random)));
    }
    return out;
  }

  private void checkCertificateTime(SessionCertificate cert, long now) {
    long ttlMs = cert.ttlMin() * 60_000L;
    if (ttlMs > sessionTtlMaxMs || cert.creationTimeMs() > now || now - cert.creationTimeMs() > ttlMs) {
      throw new KeyServerException(
          KeyServerErrorCode.InvalidCertificate, "Invalid certificate time or ttl");
    }
  }

  private static G1Point parseEncryptionKey(FetchKeyRequest request) {
    try {
      G2Point.fromBytes(request.encVerificationKey());
      return G1Point.fromBytes(request.encKey());
    } catch (SealCryptoException e) {
      throw new KeyServerException(
          KeyServerErrorCode.InvalidParameter, "Invalid parameter: enc_key or enc_verification_key");
    }
  }

  @Override
  public String toString() {
    return "FetchKeyService[objectId=" + objectId + ", package=" + policyPackage + "]";
  }
}
