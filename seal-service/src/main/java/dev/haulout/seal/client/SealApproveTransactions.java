package dev.haulout.seal.client;

import dev.haulout.wire.BcsWriter;
import dev.haulout.wire.SuiAddress;
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
    if (innerIds.size() > 0x10000) {
      throw new IllegalArgumentException("too many identities: " + innerIds.size());
    }
    BcsWriter w = new BcsWriter();
    w.vector(innerIds, (out, id) -> out.u8(0).bytes(BcsWriter.vectorU8(id))); // CallArg::Pure
    byte[] module8 = module.getBytes(StandardCharsets.UTF_8);
    byte[] function8 = function.getBytes(StandardCharsets.UTF_8);
    w.uleb128(innerIds.size());
    for (int i = 0; i < innerIds.size(); i++) {
      w.u8(0).address(packageId).bytes(module8).bytes(function8) // Command::MoveCall
          .u8(0) // no type arguments
          .u8(1) // one argument
          .u8(1) // Argument::Input
          .u16(i);
    }
    return w.toByteArray();
  }

  /** {@code package::module::seal_approve(id)}. */
  public static byte[] sealApprove(SuiAddress packageId, String module, byte[] innerId) {
    return build(packageId, module, "seal_approve", List.of(innerId));
  }
}
