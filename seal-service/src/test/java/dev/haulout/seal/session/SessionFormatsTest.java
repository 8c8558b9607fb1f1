package dev.haulout.seal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.crypto.SuiSignatures;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte-exact session formats against upstream regression vectors (seal-sdk/src/lib.rs). */
class SessionFormatsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void certificateMessageMatchesTheUpstreamRegression() {
    // seal crates/seal-sdk/src/lib.rs test_signed_message_regression
    String text =
        CertificateMessage.text(
            "0x0000c457b42d48924087ea3f22d35fd2fe9afdf5bdfe38cc51c0f14f3282f6d5",
            30,
            1622548800L,
            Base64.getDecoder().decode("DX2rNYyNrapO+gBJp1sHQ2VVsQo2ghm7aA9wVxNJ13U="));
    assertEquals(
        "Accessing keys of package 0x0000c457b42d48924087ea3f22d35fd2fe9afdf5bdfe38cc51c0f14f3282f6d5"
            + " for 30 mins from 1970-01-19 18:42:28 UTC, session key"
            + " DX2rNYyNrapO+gBJp1sHQ2VVsQo2ghm7aA9wVxNJ13U=",
        text);
  }

  @Test
  void signedRequestMatchesTheUpstreamRegression() {
    // seal crates/seal-sdk/src/lib.rs test_signed_request_regression
    byte[] expected =
        HEX.parseHex(
            "38000100d92bc457b42d48924087ea3f22d35fd2fe9afdf5bdfe38cc51c0f14f3282f6d503626c610e7365616c5f617070726f76655f7800003085946cd4134ecb8f7739bbd3522d1c8fab793c6c431a8b0b77b4f1885d4c096aafab755e7b8bce8688410cee9908fb29608faaf686c0dcbe3f65f1130e8be538d7ea009347d397f517188dfa14417618887a0412e404fff56efbafb63d1fc4970a1187b4ccb6e767a91822312e533fa53dee69f77ef5130be095e147ff3d40e96e8ddc4bf554dae3bcc34048fe9330cccf");
    byte[] ptb = Arrays.copyOfRange(expected, 1, 1 + 0x38);
    int off = 1 + 0x38;
    assertEquals(0x30, expected[off]);
    byte[] encKey = Arrays.copyOfRange(expected, off + 1, off + 1 + 48);
    off += 1 + 48;
    assertEquals(0x60, expected[off]);
    byte[] encVk = Arrays.copyOfRange(expected, off + 1, off + 1 + 96);
    assertEquals(expected.length, off + 1 + 96);
    assertEquals(HEX.formatHex(expected), HEX.formatHex(SignedRequest.bytes(ptb, encKey, encVk)));
  }

  @Test
  void sessionKeyCertificateIsSignedByTheUserOverTheCertificateMessage() {
    Ed25519KeyPair user = Ed25519KeyPair.generate();
    SuiAddress pkg = SuiAddress.parse("0x" + "cd".repeat(32));
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00.123Z"), ZoneOffset.UTC);
    SessionKey s = SessionKey.create(user, pkg, 10, clock, new SecureRandom());
    SessionCertificate c = s.certificate();
    assertEquals(user.address(), c.user());
    String msg = new String(c.personalMessage(pkg), StandardCharsets.UTF_8);
    assertTrue(msg.startsWith("Accessing keys of package 0x" + "cd".repeat(32) + " for 10 mins from 2026-11-23 12:00:00 UTC, session key "), msg);
    assertTrue(SuiSignatures.verifyPersonalMessage(c.personalMessage(pkg), c.signature(), user.address()));
    assertFalse(SuiSignatures.verifyPersonalMessage(c.personalMessage(SuiAddress.ZERO), c.signature(), user.address()));
  }

  @Test
  void requestSignatureCoversPtbAndBothElGamalKeys() {
    Ed25519KeyPair user = Ed25519KeyPair.generate();
    SessionKey s = SessionKey.create(user, SuiAddress.ZERO, 5, Clock.systemUTC(), new SecureRandom());
    KeyRequest r = s.newRequest(new byte[] {1, 2, 3});
    byte[] signed =
        SignedRequest.bytes(
            r.ptb(), r.elGamal().encryptionKey().toBytes(), r.elGamal().verificationKey().toBytes());
    Ed25519PublicKey vk = Ed25519PublicKey.fromBytes(r.certificate().sessionVk());
    assertTrue(vk.verify(signed, r.requestSignature()));
    assertFalse(vk.verify(SignedRequest.bytes(new byte[] {1, 2, 4}, r.elGamal().encryptionKey().toBytes(), r.elGamal().verificationKey().toBytes()), r.requestSignature()));
  }

  @Test
  void refusesToSignRequestsOnceExpired() {
    Ed25519KeyPair user = Ed25519KeyPair.generate();
    long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    SessionKey created = SessionKey.create(user, SuiAddress.ZERO, 1, Clock.fixed(Instant.ofEpochMilli(start), ZoneOffset.UTC), new SecureRandom());
    // 51 s later: inside the 10 s early-expiry margin of a 1-minute session
    Ed25519KeyPair sk = Ed25519KeyPair.generate();
    SessionKey later =
        SessionKey.fromCertificate(
            SuiAddress.ZERO, sk,
            new SessionCertificate(user.address(), sk.publicKey().bytes(), start, 1, created.certificate().signature(), null),
            Clock.fixed(Instant.ofEpochMilli(start + 51_000), ZoneOffset.UTC), new SecureRandom());
    assertTrue(later.isExpired());
    assertThrows(IllegalStateException.class, () -> later.newRequest(new byte[] {1}));
    assertThrows(IllegalArgumentException.class, () -> SessionKey.create(user, SuiAddress.ZERO, 31, Clock.systemUTC(), new SecureRandom()));
  }
}
