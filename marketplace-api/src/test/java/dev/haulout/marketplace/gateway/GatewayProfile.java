package dev.haulout.marketplace.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded network on free ports (4 storage nodes, 10 shards, 2-of-3 key servers, no
 * publisher), a ledger schema and state directory of its own, and the test's wallets and clock.
 */
public class GatewayProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return Map.ofEntries(
        Map.entry("haulout.embedded.enabled", "true"),
        Map.entry("haulout.embedded.state-dir", "target/gateway-embedded-" + run),
        Map.entry("haulout.embedded.ledger-schema", "ledger_gw_" + run),
        Map.entry("haulout.embedded.ledger-port", "0"),
        Map.entry("haulout.embedded.key-server-base-port", "0"),
        Map.entry("haulout.embedded.storage-base-port", "0"),
        Map.entry("haulout.embedded.publisher-port", "-1"),
        Map.entry("haulout.embedded.storage-nodes", "4"),
        Map.entry("haulout.embedded.shards", "10"));
  }

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(OffsetClock.class);
  }
}
