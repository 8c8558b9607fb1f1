package dev.haulout.seal.client;

import dev.haulout.chain.crypto.Bcs;
import dev.haulout.chain.crypto.SuiAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the BCS {@code ProgrammableTransaction} a key request carries: one
 * {@code package::module::function(id)} call per inner identity, each id a pure {@code vector<u8>}
 * input. This is what the SDK's {@code Transaction.build({onlyTransactionKind: true})} produces
 * without its leading TransactionKind byte.
 */
public final class SealApproveTransactions {
  private SealApproveTransactions() {}

  /** {@code package::module::function(id)} for each id, in order. */
  public static byte[] build(SuiAddress packageId, String module, String function, List<byte[]> innerIds) {
    if (innerIds.isEmpty()) {
      throw new IllegalArgumentException("at least one identity is required");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Bcs.uleb128(innerIds.size()));
    for (byte[] id : innerIds) {
      out.write(0); // CallArg::Pure
      out.writeBytes(Bcs.vectorU8(Bcs.vectorU8(id)));
    }
    out.writeBytes(Bcs.uleb128(innerIds.size()));
    byte[] module8 = module.getBytes(StandardCharsets.UTF_8);
    byte[] function8 = function.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < innerIds.size(); i++) {
      if (i > 0xffff) {
        throw new IllegalArgumentException("too many identities: " + innerIds.size());
      }
      out.write(0); // Command::MoveCall
      out.writeBytes(packageId.bytes());
      out.writeBytes(Bcs.vectorU8(module8));
      out.writeBytes(Bcs.vectorU8(function8));
      out.write(0); // no type arguments
      out.write(1); // one argument
      out.write(1); // Argument::Input
      out.write(i & 0xff);
      out.write(i >>> 8);
    }
    return out.toByteArray();
  }

  /** {@code package::module::seal_approve(id)}. */
  public static byte[] sealApprove(SuiAddress packageId, String module, byte[] innerId) {
    return build(packageId, module, "seal_approve", List.of(innerId));
  }
}
