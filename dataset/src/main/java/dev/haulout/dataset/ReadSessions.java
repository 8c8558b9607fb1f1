package dev.haulout.dataset;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.seal.client.KeyFetchException;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.client.SealKeyClient;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.session.CertificateMessage;
import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.seal.session.SessionKey;
import dev.haulout.wire.SuiAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Seal session of one dataset reader, in one place for the gateway, the CLI and agents: who
 * signs the session certificate (the reader's own wallet key, or a remote signer such as the
 * marketplace's {@code sessionCertificate} for a managed wallet), and a {@link DataKeyResolver}
 * that asks the key servers the sealed key names, with their URLs and public keys from the
 * ledger's directory. Each resolver has its own {@link SealKeyClient}: a client caches released
 * keys by identity, not by requester, so one must never serve two readers.
 */
public final class ReadSessions {
  /** Minutes a reader's session key is certified for (the SDK's default is 10; at most 30). */
  public static final int DEFAULT_TTL_MIN = 10;

  private ReadSessions() {}

  /** Makes the session key for a policy package, once the envelope's header has named it. */
  @FunctionalInterface
  public interface Sessions {
    SessionKey forPackage(SuiAddress policyPackage);
  }

  /**
   * A certificate for someone else's session key {@code sessionVk} (32-byte Ed25519), signed by
   * {@code wallet} as a Sui personal message ({@link CertificateMessage}), valid {@code ttlMin}
   * minutes from now. What a custodian answers a client that keeps the session secret itself.
   */
  public static SessionCertificate certify(Ed25519KeyPair wallet, SuiAddress policyPackage, byte[] sessionVk,
      int ttlMin, Clock clock) {
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(policyPackage, "policyPackage");
    if (sessionVk == null || sessionVk.length != 32) {
      throw new IllegalArgumentException("session key must be a 32-byte Ed25519 public key");
    }
    if (ttlMin < SessionKey.MIN_TTL_MIN || ttlMin > SessionKey.MAX_TTL_MIN) {
      throw new IllegalArgumentException("ttlMin must be " + SessionKey.MIN_TTL_MIN + ".." + SessionKey.MAX_TTL_MIN
          + ", got " + ttlMin);
    }
    long now = clock.millis();
    String signature = SuiSignatures.signPersonalMessage(wallet,
        CertificateMessage.bytes(policyPackage.toString(), ttlMin, now, sessionVk));
    return new SessionCertificate(wallet.address(), sessionVk, now, ttlMin, signature, null);
  }

  /** Sessions signed here by the reader's own wallet key (a linked wallet, an agent's key). */
  public static Sessions signedBy(Ed25519KeyPair wallet, int ttlMin, Clock clock, SecureRandom rng) {
    Objects.requireNonNull(wallet, "wallet");
    return pkg -> SessionKey.create(wallet, pkg, ttlMin, clock, rng);
  }

  /**
   * Sessions whose certificate a remote signer gives for a session key made here (the secret never
   * leaves this process): {@code certifier} takes the session public key and answers its
   * certificate, which must name that key and the package the header asks for.
   */
  public static Sessions certifiedBy(Function<byte[], Certified> certifier, Clock clock, SecureRandom rng) {
    Objects.requireNonNull(certifier, "certifier");
    return pkg -> {
      Ed25519KeyPair session = Ed25519KeyPair.generate(rng);
      Certified c = certifier.apply(session.publicKey().bytes());
      if (!c.policyPackage().equals(pkg)) {
        throw new KeyFetchException(KeyFetchException.Code.PACKAGE_MISMATCH, "the certificate names package "
            + c.policyPackage() + ", the dataset is sealed under " + pkg, List.of());
      }
      return SessionKey.fromCertificate(pkg, session, c.certificate(), clock, rng);
    };
  }

  /** A remotely signed certificate and the policy package it was signed for. */
  public record Certified(SessionCertificate certificate, SuiAddress policyPackage) {}

  /**
   * The data key of a header, from the key servers its sealed key names (looked up in {@code
   * directory}, i.e. on the ledger), with a session for the sealed key's package. Every server the
   * sealed key names must be listed (the share-consistency check needs all their public keys); one
   * missing fails as {@code UNAVAILABLE} once wrapped by {@link DatasetReadException#of}.
   */
  public static DataKeyResolver keys(KeyServerDirectory directory, Sessions sessions) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(sessions, "sessions");
    return header -> {
      EncryptedObject sealed = header.sealedKeyObject();
      List<KeyServerInfo> servers = new ArrayList<>();
      for (byte[] id : sealed.serviceObjectIds()) {
        directory.byId(SuiAddress.fromBytes(id)).map(KeyServerDirectory.Entry::info)
            .filter(i -> servers.stream().noneMatch(s -> s.objectId().equals(i.objectId())))
            .ifPresent(servers::add);
      }
      SuiAddress pkg = SuiAddress.fromBytes(sealed.packageId());
      SessionKey session = sessions.forPackage(pkg);
      return DatasetReader.keysOf(SealKeyClient.create(servers), session).dataKey(header);
    };
  }
}
