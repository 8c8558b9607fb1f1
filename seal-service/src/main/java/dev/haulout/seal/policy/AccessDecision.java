package dev.haulout.seal.policy;

import java.util.Objects;

/**
 * The answer of an {@link AccessPolicyPort}: granted, denied (the Move call would abort), or the
 * called function does not exist. The reason is shown to the requester; never put secrets in it.
 */
public record AccessDecision(Outcome outcome, String reason) {
  /** What a dry run of the {@code seal_approve*} call would do. */
  public enum Outcome {
    GRANTED,
    DENIED,
    FUNCTION_NOT_FOUND
  }

  public AccessDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public static AccessDecision granted() {
    return new AccessDecision(Outcome.GRANTED, "granted");
  }

  public static AccessDecision denied(String reason) {
    return new AccessDecision(Outcome.DENIED, reason);
  }

  public static AccessDecision functionNotFound(String reason) {
    return new AccessDecision(Outcome.FUNCTION_NOT_FOUND, reason);
  }

  public boolean isGranted() {
    return outcome == Outcome.GRANTED;
  }
}
