package dev.haulout.seal.policy;

import dev.haulout.chain.Ledger;
import dev.haulout.wire.SuiAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Haulout's listing policy: {@code <package>::<module>::seal_approve(id)} answered by the chain's
 * {@link Ledger#evaluateAccess} (seller, access pass, unexpired rental or allowlist of the listing
 * whose id prefixes the identity). Ledger failures propagate as exceptions, which the key server
 * reports as {@code Failure} (503, retriable) rather than as a denial.
 */
public final class LedgerAccessPolicy implements AccessPolicyPort {
  /** Module name of the listing policy in Haulout's policy package. */
  public static final String DEFAULT_MODULE = "listing";

  public static final String FUNCTION = "seal_approve";

  private final Ledger ledger;
  private final String module;

  private LedgerAccessPolicy(Ledger ledger, String module) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.module = Objects.requireNonNull(module, "module");
  }

  public static LedgerAccessPolicy of(Ledger ledger) {
    return new LedgerAccessPolicy(ledger, DEFAULT_MODULE);
  }

  public static LedgerAccessPolicy of(Ledger ledger, String module) {
    return new LedgerAccessPolicy(ledger, module);
  }

  @Override
  public AccessDecision evaluate(
      SuiAddress packageId,
      String moduleName,
      String functionName,
      byte[] identity,
      SuiAddress requester,
      Instant now) {
    if (!module.equals(moduleName) || !FUNCTION.equals(functionName)) {
      return AccessDecision.functionNotFound(
          "function " + moduleName + "::" + functionName + " not found in " + packageId);
    }
    dev.haulout.chain.AccessDecision d = ledger.evaluateAccess(identity, requester, now);
    return d.allowed() ? AccessDecision.granted() : AccessDecision.denied(d.reason() + ": " + d.detail());
  }

  @Override
  public String toString() {
    return "LedgerAccessPolicy[" + module + "::" + FUNCTION + "]";
  }
}
