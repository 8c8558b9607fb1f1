package dev.haulout.chain.crypto;

import dev.haulout.wire.BcsWriter;
import dev.haulout.wire.Blake2b256;
import dev.haulout.wire.SuiAddress;

/**
 * Sui intent signing. Personal messages are signed over
 * {@code BLAKE2b-256([3,0,0] ‖ BCS(vector<u8> msg))}; transactions over
 * {@code BLAKE2b-256([0,0,0] ‖ txBytes)} (no length prefix). Verification checks the signature and
 * that the embedded public key hashes to the expected address.
 */
public final class SuiSignatures {
  private SuiSignatures() {}

  /** The 32-byte digest Sui signs for a personal message. */
  public static byte[] personalMessageDigest(byte[] message) {
    return Blake2b256.hash(Intent.PERSONAL_MESSAGE.withMessage(BcsWriter.vectorU8(message)));
  }

  /** The 32-byte digest Sui signs for transaction bytes. */
  public static byte[] transactionDigestToSign(byte[] txBytes) {
    return Blake2b256.hash(Intent.TRANSACTION_DATA.withMessage(txBytes));
  }

  /** Digest for an arbitrary intent over already-serialized bytes. */
  public static byte[] intentDigest(Intent intent, byte[] bytes) {
    return Blake2b256.hash(intent.withMessage(bytes));
  }

  /** Base64 serialized signature ({@code 0x00 ‖ sig ‖ pk}) of a personal message. */
  public static String signPersonalMessage(Ed25519KeyPair key, byte[] message) {
    return sign(key, personalMessageDigest(message)).serialize();
  }

  /** Base64 serialized signature of transaction bytes under the TransactionData intent. */
  public static String signTransaction(Ed25519KeyPair key, byte[] txBytes) {
    return sign(key, transactionDigestToSign(txBytes)).serialize();
  }

  /** Signs a precomputed intent digest. */
  public static SuiSignature sign(Ed25519KeyPair key, byte[] digest) {
    return new SuiSignature(key.sign(digest), key.publicKey());
  }

  /** Base64 serialized secp256k1/r1 signature ({@code flag ‖ r ‖ s ‖ compressed pk}) of a personal message. */
  public static String signPersonalMessage(Secp256KeyPair key, byte[] message) {
    return new SuiSignature(key.sign(personalMessageDigest(message)), key.publicKey()).serialize();
  }

  /** Base64 serialized secp256k1/r1 signature of transaction bytes under the TransactionData intent. */
  public static String signTransaction(Secp256KeyPair key, byte[] txBytes) {
    return new SuiSignature(key.sign(transactionDigestToSign(txBytes)), key.publicKey()).serialize();
  }

  /**
   * True iff {@code serializedSignature} (Ed25519, secp256k1 or secp256r1) is a valid signature of
   * {@code message} by {@code expected}.
   */
  public static boolean verifyPersonalMessage(
      byte[] message, String serializedSignature, SuiAddress expected) {
    return verifyDigest(personalMessageDigest(message), serializedSignature, expected);
  }

  /** True iff {@code serializedSignature} signs {@code txBytes} (TransactionData intent) by {@code expected}. */
  public static boolean verifyTransaction(
      byte[] txBytes, String serializedSignature, SuiAddress expected) {
    return verifyDigest(transactionDigestToSign(txBytes), serializedSignature, expected);
  }

  private static boolean verifyDigest(byte[] digest, String serializedSignature, SuiAddress expected) {
    SuiSignature sig;
    try {
      sig = SuiSignature.parse(serializedSignature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return verify(digest, sig, expected);
  }

  /** Verifies a parsed signature over a digest and that its key belongs to {@code expected}. */
  public static boolean verify(byte[] digest, SuiSignature sig, SuiAddress expected) {
    if (expected != null && !sig.signer().equals(expected)) {
      return false;
    }
    return sig.publicKey().verify(digest, sig.signature());
  }
}
