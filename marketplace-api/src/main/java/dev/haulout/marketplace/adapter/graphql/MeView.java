package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.Viewer;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The signed-in caller. */
@Type("Me")
public record MeView(
    @NonNull String subject,
    String username,
    String email,
    @NonNull List<@NonNull String> roles,
    @NonNull @Description("True for an agent signed in with client credentials") Boolean agent) {

  static MeView of(Viewer v) {
    return new MeView(v.subject(), v.username(), v.email(), v.roles().stream().sorted().toList(), v.agent());
  }
}
