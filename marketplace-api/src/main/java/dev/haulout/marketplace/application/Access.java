package dev.haulout.marketplace.application;

import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Viewer;

/** Authorization checks shared by use cases. A null viewer is an anonymous caller. */
final class Access {
  private Access() {}

  static Viewer requireSignedIn(Viewer viewer) {
    if (viewer == null) {
      throw new CatalogException(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) is required");
    }
    return viewer;
  }

  static Viewer requireRole(Viewer viewer, String role) {
    requireSignedIn(viewer);
    if (!viewer.hasRole(role)) {
      throw new CatalogException(ErrorCode.FORBIDDEN, "the '" + role + "' role is required");
    }
    return viewer;
  }
}
