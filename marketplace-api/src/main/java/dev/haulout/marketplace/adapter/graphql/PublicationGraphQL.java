package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.application.PublishService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Sellers' publications: progress of the publish pipeline, and retry. */
@GraphQLApi
public class PublicationGraphQL {
  private final PublishService publish;
  private final ViewerResolver viewer;

  public PublicationGraphQL(PublishService publish, ViewerResolver viewer) {
    this.publish = publish;
    this.viewer = viewer;
  }

  @Query("publication")
  @Description("One of the caller's publications by its upload id (NOT_FOUND for anyone else's).")
  public Uni<PublicationView> publication(@Name("id") @NonNull String id) {
    return GraphQLErrors.translated(Uni.createFrom().deferred(() -> publish.find(viewer.current(), id))
        .map(PublicationView::of));
  }

  @Query("myPublications")
  @Description("The caller's publications, newest first.")
  public Uni<@NonNull List<@NonNull PublicationView>> myPublications(@Name("first") @DefaultValue("50") Integer first) {
    return GraphQLErrors.translated(Uni.createFrom().deferred(() -> publish.mine(viewer.current(), first))
        .map(ps -> ps.stream().map(PublicationView::of).toList()));
  }

  @Mutation("retryPublication")
  @Description("Resumes a FAILED publication after the last stage it reached.")
  public Uni<@NonNull PublicationView> retryPublication(@Name("id") @NonNull String id) {
    return GraphQLErrors.translated(Uni.createFrom().deferred(() -> publish.retry(viewer.current(), id))
        .map(PublicationView::of));
  }
}
