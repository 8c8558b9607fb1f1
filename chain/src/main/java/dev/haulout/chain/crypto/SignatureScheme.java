package dev.haulout.chain.crypto;

/** Sui signature-scheme flags (the first byte of a serialized signature and of the address preimage). */
public enum SignatureScheme {
  ED25519(0x00),
  SECP256K1(0x01),
  SECP256R1(0x02),
  MULTISIG(0x03),
  ZKLOGIN(0x05),
  PASSKEY(0x06);

  private final int flag;

  SignatureScheme(int flag) {
    this.flag = flag;
  }

  public byte flag() {
    return (byte) flag;
  }

  public static SignatureScheme fromFlag(int flag) {
    for (SignatureScheme s : values()) {
      if (s.flag == (flag & 0xff)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown signature scheme flag: " + flag);
  }
}
