package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.Viewer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Maps the verified OIDC identity of the request to a {@link Viewer}; null when anonymous. */
@RequestScoped
public class ViewerResolver {
  static final Set<String> ROLES = Set.of("buyer", "seller", "admin", "agent");
  private final SecurityIdentity identity;

  public ViewerResolver(SecurityIdentity identity) {
    this.identity = identity;
  }

  Viewer current() {
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
