package dev.haulout.marketplace.domain;

import java.util.Set;

/** Who is calling, from a verified OIDC token: a person (authorization code) or an agent (client credentials). */
public record Viewer(String subject, String username, String email, Set<String> roles, boolean agent) {
  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
