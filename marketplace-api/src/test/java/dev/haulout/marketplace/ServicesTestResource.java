package dev.haulout.marketplace;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Points the application under test at the real services started by services/services.sh (their
 * addresses come from the environment or the defaults in application.properties) and gives every
 * test run a Kafka topic of its own, so events of earlier runs are never replayed into this one.
 */
public class ServicesTestResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    return Map.of("haulout.catalog.events-topic", "haulout.chain.events.test-" + UUID.randomUUID());
  }

  @Override
  public void stop() {}
}
