package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.ListingRevision;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One content revision of a listing. */
@Type("Revision")
@Description("A version of a listing's content; revision 1 is the first. Buyers of a pass read every revision.")
public record RevisionView(
    @NonNull Integer revision,
    @NonNull @Description("Walrus blob ID (base64url) of this revision's encrypted envelope") String blobId,
    Long sizeBytes,
    @NonNull @Description("ISO-8601 UTC") String createdAt) {

  static RevisionView of(ListingRevision r) {
    return new RevisionView(r.revision(), r.blobId(), r.sizeBytes(), r.createdAt().toString());
  }
}
