package dev.haulout.seal.policy;

import dev.haulout.wire.SuiAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local policy for tests, demos and the standalone server: it plays the Move function
 * {@code <package>::<module>::seal_approve(id: vector<u8>)} that grants every identity to the
 * addresses on an allowlist (or to everyone in {@link #allowAll} mode). It is not the chain: the
 * embedded ledger's policy replaces it through {@link AccessPolicyPort}. Thread-safe; addresses
 * can be added and revoked at run time.
 */
public final class AddressAllowlistPolicy implements AccessPolicyPort {
  /** The module the Seal conformance harness calls: {@code harness::seal_approve(id)}. */
  public static final String DEFAULT_MODULE = "harness";

  public static final String FUNCTION = "seal_approve";

  private final String module;
  private final boolean allowAll;
  private final Set<SuiAddress> allowed = ConcurrentHashMap.newKeySet();

  private AddressAllowlistPolicy(String module, boolean allowAll, Collection<SuiAddress> addresses) {
    this.module = Objects.requireNonNull(module, "module");
    this.allowAll = allowAll;
    this.allowed.addAll(addresses);
  }

  /** Grants {@code addresses} through {@code harness::seal_approve}. */
  public static AddressAllowlistPolicy of(Collection<SuiAddress> addresses) {
    return new AddressAllowlistPolicy(DEFAULT_MODULE, false, addresses);
  }

  /** Grants {@code addresses} through {@code <module>::seal_approve}. */
  public static AddressAllowlistPolicy of(String module, Collection<SuiAddress> addresses) {
    return new AddressAllowlistPolicy(module, false, addresses);
  }

  /** Grants everyone through {@code harness::seal_approve} (demo / benchmark mode). */
  public static AddressAllowlistPolicy allowAll() {
    return new AddressAllowlistPolicy(DEFAULT_MODULE, true, Set.of());
  }

  public void allow(SuiAddress address) {
    allowed.add(Objects.requireNonNull(address, "address"));
  }

  public void revoke(SuiAddress address) {
    allowed.remove(address);
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
    if (allowAll || allowed.contains(requester)) {
      return AccessDecision.granted();
    }
    return AccessDecision.denied("sender " + requester + " is not on the allowlist");
  }

  @Override
  public String toString() {
    return "AddressAllowlistPolicy[" + module + "::" + FUNCTION + (allowAll ? ", allow all]" : ", " + allowed.size() + " addresses]");
  }
}
