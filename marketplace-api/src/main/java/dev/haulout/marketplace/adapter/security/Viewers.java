package dev.haulout.marketplace.adapter.security;

import dev.haulout.marketplace.domain.Viewer;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Maps a verified OIDC identity to a {@link Viewer} (the one mapping, for GraphQL and REST alike). */
public final class Viewers {
  /** Realm roles Haulout knows; other roles of the token are ignored. */
  public static final Set<String> ROLES = Set.of("buyer", "seller", "admin", "agent");

  private Viewers() {}

  /** The viewer of {@code identity}; null when it is null or anonymous. */
  public static Viewer of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return null;
    }
    TreeSet<String> roles = new TreeSet<>(identity.getRoles());
    roles.retainAll(ROLES);
    String subject = identity.getPrincipal().getName();
    String username = subject;
    String email = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      subject = jwt.getSubject();
      username = jwt.getClaim("preferred_username");
      email = jwt.getClaim("email");
    }
    return new Viewer(subject, username, email, Set.copyOf(roles), roles.contains("agent"));
  }
}
