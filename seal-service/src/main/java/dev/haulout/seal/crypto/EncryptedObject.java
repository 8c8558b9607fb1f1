package dev.haulout.seal.crypto;

import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import java.util.ArrayList;
import java.util.List;

/**
 * A Seal {@code EncryptedObject} (version 0, Boneh–Franklin BLS12-381 KEM). {@link #fromBytes}
 * is strict: it rejects trailing bytes, unknown versions and enum tags, share counts that differ
 * from the service count, zero or duplicate indices, thresholds outside [1, n] and nonces that are
 * not in G2 — stricter than the Rust and TS parsers, as strict as Move's.
 *
 * @param packageId first-version package id (32 bytes)
 * @param id inner identity (without the package prefix)
 * @param services key-server object ids and share indices, in share order
 * @param threshold number of shares needed
 * @param nonce {@code U = g2^ρ}
 * @param encryptedShares one 32-byte encrypted share per service position
 * @param encryptedRandomness {@code be32(ρ) XOR derive_key(0)}
 * @param ciphertext the DEM part
 */
public record EncryptedObject(
    byte[] packageId,
    byte[] id,
    List<ServiceEntry> services,
    int threshold,
    G2Point nonce,
    List<byte[]> encryptedShares,
    byte[] encryptedRandomness,
    Ciphertext ciphertext) {

  public static final int VERSION = 0;
  private static final int IBE_BONEH_FRANKLIN_BLS12381 = 0;

  public EncryptedObject {
    ObjectIds.require(packageId, "package id");
    services = List.copyOf(services);
    encryptedShares = List.copyOf(encryptedShares);
    int n = services.size();
    if (n < 1 || n > 255) {
      throw new IllegalArgumentException("service count must be in 1..255, got " + n);
    }
    if (threshold < 1 || threshold > n) {
      throw new IllegalArgumentException("threshold " + threshold + " not in [1, " + n + "]");
    }
    if (encryptedShares.size() != n) {
      throw new IllegalArgumentException(
          encryptedShares.size() + " encrypted shares for " + n + " services");
    }
    boolean[] seen = new boolean[256];
    for (ServiceEntry s : services) {
      if (seen[s.index()]) {
        throw new IllegalArgumentException("duplicate share index " + s.index());
      }
      seen[s.index()] = true;
    }
    for (byte[] s : encryptedShares) {
      if (s.length != SealConstants.KEY_SIZE) {
        throw new IllegalArgumentException("encrypted share must be 32 bytes, got " + s.length);
      }
    }
    if (encryptedRandomness.length != SealConstants.KEY_SIZE) {
      throw new IllegalArgumentException(
          "encrypted randomness must be 32 bytes, got " + encryptedRandomness.length);
    }
  }

  /** {@code package_id ‖ id}. */
  public byte[] fullId() {
    return ObjectIds.fullId(packageId, id);
  }

  public List<byte[]> serviceObjectIds() {
    List<byte[]> ids = new ArrayList<>(services.size());
    for (ServiceEntry s : services) {
      ids.add(s.objectId());
    }
    return ids;
  }

  public byte[] toBytes() {
    BcsWriter w = new BcsWriter().u8(VERSION).fixed(packageId).bytes(id).uleb128(services.size());
    for (ServiceEntry s : services) {
      w.fixed(s.objectId()).u8(s.index());
    }
    w.u8(threshold).uleb128(IBE_BONEH_FRANKLIN_BLS12381).fixed(nonce.toBytes());
    w.uleb128(encryptedShares.size());
    for (byte[] s : encryptedShares) {
      w.fixed(s);
    }
    w.fixed(encryptedRandomness);
    if (ciphertext instanceof Ciphertext.Aes256Gcm c) {
      w.uleb128(0).bytes(c.blob()).optionalBytes(c.aad());
    } else if (ciphertext instanceof Ciphertext.Hmac256Ctr c) {
      w.uleb128(1).bytes(c.blob()).optionalBytes(c.aad()).fixed(c.mac());
    } else {
      w.uleb128(2);
    }
    return w.toByteArray();
  }

  /** Strict decoding; every violation is a {@link SealCryptoException} with {@code INVALID_OBJECT}. */
  public static EncryptedObject fromBytes(byte[] bytes) {
    BcsReader r = new BcsReader(bytes, (offset, detail) -> new SealCryptoException(SealCryptoException.Code.INVALID_OBJECT, detail));
    int version = r.u8();
    if (version != VERSION) {
      throw r.fail("unsupported version " + version);
    }
    byte[] packageId = r.fixed(32);
    byte[] id = r.bytes();
    int n = r.length();
    if (n < 1 || n > 255) {
      throw r.fail("service count " + n + " not in 1..255");
    }
    List<ServiceEntry> services = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] objectId = r.fixed(32);
      int index = r.u8();
      if (index == 0) {
        throw r.fail("share index 0");
      }
      services.add(new ServiceEntry(objectId, index));
    }
    int threshold = r.u8();
    int variant = r.variant();
    if (variant != IBE_BONEH_FRANKLIN_BLS12381) {
      throw r.fail("unknown IBE variant " + variant);
    }
    G2Point nonce;
    try {
      nonce = G2Point.fromBytes(r.fixed(G2Point.SIZE));
    } catch (SealCryptoException e) {
      throw new SealCryptoException(
          SealCryptoException.Code.INVALID_OBJECT, "invalid nonce: " + e.getMessage(), e);
    }
    int m = r.length();
    if (m != n) {
      throw r.fail(m + " encrypted shares for " + n + " services");
    }
    List<byte[]> shares = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      shares.add(r.fixed(32));
    }
    byte[] encryptedRandomness = r.fixed(32);
    int ct = r.variant();
    Ciphertext ciphertext;
    switch (ct) {
      case 0 -> ciphertext = new Ciphertext.Aes256Gcm(r.bytes(), r.optionalBytes());
      case 1 -> ciphertext = new Ciphertext.Hmac256Ctr(r.bytes(), r.optionalBytes(), r.fixed(32));
      case 2 -> ciphertext = new Ciphertext.Plain();
      default -> throw r.fail("unknown ciphertext variant " + ct);
    }
    r.expectEnd();
    try {
      return new EncryptedObject(
          packageId, id, services, threshold, nonce, shares, encryptedRandomness, ciphertext);
    } catch (IllegalArgumentException e) {
      throw new SealCryptoException(SealCryptoException.Code.INVALID_OBJECT, e.getMessage(), e);
    }
  }
}
