package dev.haulout.chain.tx;

import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.Secp256KeyPair;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.wire.Blake2b256;
import dev.haulout.wire.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Signing and digests of ledger transactions (TransactionData intent, as Sui). */
public final class Transactions {
  private static final byte[] DIGEST_DOMAIN = "TransactionData::".getBytes(StandardCharsets.US_ASCII);

  private Transactions() {}

  /** Encodes and signs {@code tx}; the key must be the sender's. */
  public static SignedTransaction sign(Ed25519KeyPair key, TransactionData tx) {
    if (!key.address().toString().equals(tx.sender())) {
      throw new IllegalArgumentException("key " + key.address() + " is not the sender " + tx.sender());
    }
    byte[] bytes = TxCodec.encode(tx);
    return new SignedTransaction(bytes, SuiSignatures.signTransaction(key, bytes));
  }

  /** Encodes and signs {@code tx} with a secp256k1/r1 key; the key must be the sender's. */
  public static SignedTransaction sign(Secp256KeyPair key, TransactionData tx) {
    if (!key.address().toString().equals(tx.sender())) {
      throw new IllegalArgumentException("key " + key.address() + " is not the sender " + tx.sender());
    }
    byte[] bytes = TxCodec.encode(tx);
    return new SignedTransaction(bytes, SuiSignatures.signTransaction(key, bytes));
  }

  /** Sui-style digest {@code BLAKE2b-256("TransactionData::" ‖ bytes)} in Base58. */
  public static String digest(byte[] txBytes) {
    return Base58.encode(Blake2b256.hash(DIGEST_DOMAIN, txBytes));
  }

  /** Derives the ID of the {@code index}-th object created by a transaction (Sui: hash of digest and index). */
  public static String objectId(String txDigest, int index) {
    byte[] h = Blake2b256.hash(new byte[] {(byte) 0xf1}, txDigest.getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) index, (byte) (index >>> 8), (byte) (index >>> 16), (byte) (index >>> 24)});
    return "0x" + dev.haulout.wire.Hex.encode(Arrays.copyOf(h, 32));
  }
}
