package dev.haulout.seal.policy;

import dev.haulout.wire.SuiAddress;
import java.time.Instant;

/**
 * The key server's question to the chain: would {@code package::module::function(identity, ...)}
 * (a {@code seal_approve*} entry function) succeed for {@code requester} as the transaction
 * sender at {@code now}? On Sui this is a dry run of the request's PTB; Haulout's ledger answers
 * it through {@code Ledger#evaluateAccess} (adapted to this port by the chain module).
 * Implementations must be side-effect free and thread-safe.
 */
public interface AccessPolicyPort {

  /**
   * @param packageId the policy package the PTB calls (already checked against the server's
   *     configured package)
   * @param identity the inner identity bytes (the Move call's first argument, without the package
   *     prefix)
   */
  AccessDecision evaluate(
      SuiAddress packageId,
      String moduleName,
      String functionName,
      byte[] identity,
      SuiAddress requester,
      Instant now);
}
