package dev.haulout.marketplace.application.port;

import dev.haulout.marketplace.domain.Publication;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Publications and their progress (PostgreSQL). */
public interface PublicationRepository {
  /** Inserts {@code p} unless one with its id exists; the stored one either way. */
  Uni<Publication> createIfAbsent(Publication p);

  Uni<Publication> find(String id);

  /** Overwrites the stored state (same id). */
  Uni<Void> save(Publication p);

  /** Publications still running (to resume after a restart). */
  Uni<List<Publication>> running();

  /** The owner's publications, newest first. */
  Uni<List<Publication>> byOwner(String owner, int limit);
}
