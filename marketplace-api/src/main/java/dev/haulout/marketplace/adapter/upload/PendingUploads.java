package dev.haulout.marketplace.adapter.upload;

import dev.haulout.marketplace.application.port.UploadCompleted;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The {@link UploadCompleted} in use until the publish pipeline (encrypt, seal, store, list) exists:
 * it only logs, and the finished file stays in the upload directory, its state visible through HEAD.
 * Any other {@code UploadCompleted} bean replaces this one.
 */
@DefaultBean
@ApplicationScoped
public class PendingUploads implements UploadCompleted {
  private static final Logger LOG = Logger.getLogger(PendingUploads.class);

  @Override
  public Uni<Void> completed(FinishedUpload upload) {
    LOG.infof("upload %s complete: %d bytes, waiting for the publish pipeline", upload.id(), upload.length());
    return Uni.createFrom().voidItem();
  }
}
