package dev.haulout.marketplace.domain;

/** Stable error codes, returned in GraphQL {@code extensions.code} and REST bodies. Never renamed. */
public enum ErrorCode {
  INVALID_ARGUMENT,
  INVALID_CURSOR,
  NOT_FOUND,
  UNAUTHENTICATED,
  FORBIDDEN,
  UNAVAILABLE,
  INTERNAL
}
