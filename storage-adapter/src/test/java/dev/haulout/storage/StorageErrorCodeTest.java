package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageErrorCodeTest {
  /**
   * The wire strings before the codes became an enum, plus the batch route's three
   * ({@code INVALID_SLIVER_BATCH}, {@code TOO_MANY_SLIVERS}, {@code DUPLICATE_SLIVER}) and the router's
   * {@code MALFORMED_REQUEST}, and the publisher-answer checks' {@code BLOB_ID_MISMATCH} and
   * {@code BLOB_NOT_CERTIFIED}; a rename here
   * changes error bodies and CLI output.
   */
  static final List<String> WIRE = List.of(
      "ATTESTATION_MISMATCH", "BLOB_INVALID", "BLOB_NOT_FOUND", "BLOB_NOT_REGISTERED", "BLOB_OBJECT_NOT_FOUND",
      "CONFIRMATION_MISMATCH", "DUPLICATE_QUILT_IDENTIFIER", "EMPTY_QUILT", "INTERNAL_ERROR", "INTERRUPTED",
      "INVALIDATION_QUORUM_NOT_REACHED", "INVALID_ATTESTATION", "INVALID_BLOB_ID", "INVALID_BYTE_RANGE",
      "INVALID_CONFIRMATION", "INVALID_CONTENT_LENGTH", "INVALID_DECODING_SYMBOLS", "INVALID_EPOCH",
      "INVALID_INCONSISTENCY_PROOF", "INVALID_METADATA", "INVALID_MULTIPART", "INVALID_OBJECT_ID",
      "INVALID_PARAMETER", "INVALID_QUERY_PARAMETER", "INVALID_QUILT", "INVALID_QUILT_IDENTIFIER",
      "INVALID_QUILT_METADATA", "INVALID_QUILT_PATCH_ID", "INVALID_RECOVERY_SYMBOLS", "INVALID_RESPONSE",
      "INVALID_SHARD", "INVALID_SIGNATURE", "INVALID_SLIVER", "INVALID_SLIVER_INDEX",
      "INVALID_SLIVER_PAIR_INDEX", "INVALID_SLIVER_TYPE", "INVALID_SYMBOL_ID", "INVALID_SYNC_SHARD_REQUEST",
      "LEDGER_UNAVAILABLE", "LISTEN_FAILED", "METADATA_ID_MISMATCH", "METADATA_NOT_FOUND",
      "METADATA_NOT_STORED", "METADATA_UNAVAILABLE", "NODE_UNREACHABLE", "NOT_A_COMMITTEE_MEMBER",
      "NOT_A_QUILT", "NOT_FULLY_STORED", "NO_ROUTE", "PAYLOAD_TOO_LARGE", "QUILT_PATCH_NOT_FOUND",
      "QUILT_TOO_LARGE", "QUORUM_NOT_REACHED", "READ_FAILED", "SHARD_NOT_ASSIGNED",
      "SHARD_NOT_ASSIGNED_TO_REQUESTER", "SHARD_UNASSIGNED", "SLIVER_INDEX_MISMATCH", "SLIVER_NOT_FOUND",
      "SLIVER_UNRECOVERABLE", "SYMBOL_NOT_STORED", "TOO_MANY_BLOBS", "TOO_MANY_QUILT_PATCHES",
      "TOO_MANY_SYMBOLS", "UNEXPECTED_FORM_FIELD", "UNEXPECTED_RESPONSE", "UNREACHABLE",
      "UNSUPPORTED_MEDIA_TYPE", "UPLOAD_FAILED",
      "INVALID_SLIVER_BATCH", "TOO_MANY_SLIVERS", "DUPLICATE_SLIVER", "MALFORMED_REQUEST",
      "BLOB_ID_MISMATCH", "BLOB_NOT_CERTIFIED");

  @Test
  void definedCodesAreExactlyTheWireStringsAndReadBack() {
    List<String> defined = Arrays.stream(StorageErrorCode.values()).filter(c -> !c.isFamily()).map(Enum::name)
        .sorted().toList();
    assertEquals(WIRE.stream().sorted().toList(), defined);
    for (StorageErrorCode c : StorageErrorCode.values()) {
      if (!c.isFamily()) {
        assertEquals(c, StorageErrorCode.fromWire(c.name()));
        assertEquals(c.name(), StorageException.invalidArgument(c, "m").code());
      }
    }
  }

  @Test
  void relayedReasonsKeepTheirWireStringAndFallIntoAFamily() {
    StorageException ledger = StorageException.relayed("FAILED_PRECONDITION", 402, "LEDGER_INSUFFICIENT_BALANCE", "m", "n");
    assertEquals(StorageErrorCode.LEDGER_REFUSAL, ledger.errorCode());
    assertEquals("LEDGER_INSUFFICIENT_BALANCE", ledger.code());
    assertEquals(StorageErrorCode.LEDGER_UNAVAILABLE, StorageErrorCode.fromWire("LEDGER_UNAVAILABLE"));
    StorageException http = StorageException.relayed("UNKNOWN", 502, "HTTP_502", "m", "n");
    assertEquals(StorageErrorCode.HTTP_STATUS, http.errorCode());
    assertEquals("HTTP_502", http.code());
    StorageException other = StorageException.relayed("INTERNAL", 500, "SOMETHING_WALRUS_ADDED", "m", "n");
    assertEquals(StorageErrorCode.UNRECOGNIZED, other.errorCode());
    assertEquals("SOMETHING_WALRUS_ADDED", other.code());
    assertEquals("SOMETHING_WALRUS_ADDED", other.atNode("x").code());
    assertEquals(StorageErrorCode.UNRECOGNIZED, other.withHttpStatus(503).errorCode());
    assertEquals(503, other.withHttpStatus(503).httpStatus());
  }

  @Test
  void aFamilyNeedsItsDetail() {
    assertThrows(IllegalArgumentException.class,
        () -> StorageException.invalidArgument(StorageErrorCode.LEDGER_REFUSAL, "no ledger code given"));
  }
}
