package dev.haulout.chain.crypto;

/**
 * Sui intent prefix {@code [scope, version, app id]} prepended to every signed message so a
 * signature for one purpose can never be replayed as another.
 */
public record Intent(int scope, int version, int appId) {
  /** {@code [0,0,0]}: TransactionData, V0, Sui. */
  public static final Intent TRANSACTION_DATA = new Intent(0, 0, 0);
  /** {@code [3,0,0]}: PersonalMessage, V0, Sui. */
  public static final Intent PERSONAL_MESSAGE = new Intent(3, 0, 0);

  public Intent {
    if ((scope | version | appId) < 0 || scope > 255 || version > 255 || appId > 255) {
      throw new IllegalArgumentException("intent bytes out of range: " + scope + "," + version + "," + appId);
    }
  }

  public byte[] bytes() {
    return new byte[] {(byte) scope, (byte) version, (byte) appId};
  }

  /** {@code intent ‖ message}. */
  public byte[] withMessage(byte[] message) {
    byte[] out = new byte[3 + message.length];
    out[0] = (byte) scope;
    out[1] = (byte) version;
    out[2] = (byte) appId;
    System.arraycopy(message, 0, out, 3, message.length);
    return out;
  }
}
