package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.adapter.security.Viewers;
import dev.haulout.marketplace.domain.Viewer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Maps the verified OIDC identity of the request to a {@link Viewer}; null when anonymous. */
@RequestScoped
public class ViewerResolver {
  private final SecurityIdentity identity;

  public ViewerResolver(SecurityIdentity identity) {
    this.identity = identity;
  }

  Viewer current() {
    return Viewers.of(identity);
  }
}
