package dev.haulout.chain.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a transaction did, collected while it executes. */
public final class Effects {
  /** An event before it receives its global sequence number at commit. */
  public record PendingEvent(String type, String objectId, long version, Map<String, Object> body) {}

  private final Set<String> created = new LinkedHashSet<>();
  private final Set<String> mutated = new LinkedHashSet<>();
  private final List<PendingEvent> events = new ArrayList<>();

  void created(String id) {
    created.add(id);
  }

  void mutated(String id) {
    if (!created.contains(id)) {
      mutated.add(id);
    }
  }

  void event(String type, String objectId, long version, Map<String, Object> body) {
    events.add(new PendingEvent(type, objectId, version, body));
  }

  public List<String> created() {
    return List.copyOf(created);
  }

  public List<String> mutated() {
    return List.copyOf(mutated);
  }

  public List<PendingEvent> events() {
    return List.copyOf(events);
  }
}
