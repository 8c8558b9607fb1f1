package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.ContentService;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Client-side reading: session certificates signed by the caller's managed wallet. */
@GraphQLApi
public class ContentGraphQL {
  private final ContentService content;
  private final NetworkAccess network;
  private final Wallets wallets;
  private final ViewerResolver viewer;

  public ContentGraphQL(ContentService content, NetworkAccess network, Wallets wallets,
      ViewerResolver viewer) {
    this.content = content;
    this.network = network;
    this.wallets = wallets;
    this.viewer = viewer;
  }

  @Mutation("sessionCertificate")
  @Description("A Seal session certificate for sessionPublicKey (hex, 32-byte Ed25519) valid ttlMinutes (1..30), "
      + "signed by the caller's managed wallet; the client keeps the session secret and decrypts locally.")
  public Uni<@NonNull SessionCertificateView> sessionCertificate(
      @Name("sessionPublicKey") @NonNull String sessionPublicKey,
      @Name("ttlMinutes") @DefaultValue("10") int ttlMinutes) {
    return GraphQLErrors.translated(Uni.createFrom().deferred(() -> {
      Viewer v = viewer.current();
      if (v == null) {
        throw new CatalogException(ErrorCode.UNAUTHENTICATED, "sessionCertificate needs a bearer token");
      }
      return wallets.walletOf(v).map(w -> SessionCertificateView.of(
          content.sessionCertificate(w, sessionPublicKey, ttlMinutes), network.sealing().policyPackage().toString()));
    }));
  }
}
