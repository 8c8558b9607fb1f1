package dev.haulout.cli.market;

import dev.haulout.storage.ByteRange;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The client-side read (docs/commerce.md "Read"): a session key made here, its certificate from
 * GraphQL {@code sessionCertificate}, key servers and the listing from the ledger, shares through
 * seal-service's {@code SealKeyClient}, the blob from the aggregator, decryption by the dataset
 * module's {@code DatasetReader}. That reader is not on main yet; until it is, this path refuses
 * with {@code CLIENT_SIDE_UNAVAILABLE} and names {@code --gateway}.
 */
final class ClientSideRead {
  private ClientSideRead() {}

  static int run(Market m, String listingId, Integer revision, ByteRange range, Path out, PrintWriter err,
      boolean quiet) {
    throw new CliError("CLIENT_SIDE_UNAVAILABLE",
        "local decryption is not built into this haulout yet; use --gateway");
  }
}
