package dev.haulout.seal.client;

import java.util.List;
import java.util.Objects;

/**
 * Fetching user secret keys from the key servers failed. {@link #failures()} says what each
 * server answered (its Seal error code, or a client-side reason such as {@code Timeout} or {@code
 * InvalidKey}); {@link #majorityError()} is the most frequent code, as the SDK reports.
 */
public class KeyFetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the fetch as a whole failed. */
  public enum Code {
    /** Fewer than threshold weight of servers returned valid keys. */
    THRESHOLD_NOT_REACHED,
    /** The session key has expired; create a new one. */
    SESSION_EXPIRED,
    /** The object names a key server the client has no URL/public key for. */
    UNKNOWN_KEY_SERVER,
    /** The object's package differs from the session's package. */
    PACKAGE_MISMATCH
  }

  /** One server's failure: its object id, a stable code and a message. */
  public record ServerFailure(String objectId, String code, String message, boolean retriable) {}

  private final Code code;
  private final transient List<ServerFailure> failures;

  public KeyFetchException(Code code, String message, List<ServerFailure> failures) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.failures = List.copyOf(failures);
  }

  public Code code() {
    return code;
  }

  public List<ServerFailure> failures() {
    return failures;
  }

  /** The most frequent per-server code, or {@code null} if no server failed. */
  public String majorityError() {
    return failures.stream()
        .collect(java.util.stream.Collectors.groupingBy(ServerFailure::code, java.util.stream.Collectors.counting()))
        .entrySet()
        .stream()
        .max(java.util.Map.Entry.comparingByValue())
        .map(java.util.Map.Entry::getKey)
        .orElse(null);
  }

  /** True when retrying later may help (every failure was transient). */
  public boolean isRetriable() {
    return code == Code.THRESHOLD_NOT_REACHED
        && !failures.isEmpty()
        && failures.stream().allMatch(ServerFailure::retriable);
  }
}
