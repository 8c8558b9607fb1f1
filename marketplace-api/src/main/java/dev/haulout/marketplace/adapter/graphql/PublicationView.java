package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.Publication;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A seller's publication as GraphQL shows it. */
@Type("Publication")
@Description("Publishing one uploaded file as a listing revision. Stages in order: UPLOADED, DRAFTED, ENCRYPTED,"
    + " ENCODED, STORED, CERTIFIED, LISTED.")
public record PublicationView(
    @NonNull @Id @Description("The upload's id") String id,
    @NonNull @Description("Last stage reached") String stage,
    @NonNull @Description("RUNNING, DONE or FAILED") String state,
    @Description("The listing (a draft until LISTED)") String listingId,
    @Description("The revision this publication adds, when known") Integer revision,
    @Description("Walrus blob ID of the encrypted envelope, once certified") String blobId,
    @Description("Walrus blob ID of the public sample") String previewBlobId,
    @Description("Stable code when FAILED") String errorCode,
    String errorMessage,
    @NonNull @Description("Bytes done of the current stage") Long bytesDone,
    @NonNull Long bytesTotal,
    @NonNull @Description("ISO-8601 UTC") String createdAt,
    @NonNull @Description("ISO-8601 UTC") String updatedAt) {

  static PublicationView of(Publication p) {
    return new PublicationView(p.id(), p.stage().name(), p.state().name(), p.listingId(), p.revision(), p.blobId(),
        p.previewBlobId(), p.errorCode(), p.errorMessage(), p.bytesDone(), p.bytesTotal(),
        java.time.Instant.ofEpochMilli(p.createdMs()).toString(), java.time.Instant.ofEpochMilli(p.updatedMs()).toString());
  }
}
