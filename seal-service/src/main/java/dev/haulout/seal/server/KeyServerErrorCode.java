package dev.haulout.seal.server;

/**
 * Stable error codes of the key-server HTTP API. The names and HTTP statuses are Seal's
 * ({@code crates/key-server/src/errors.rs}) so the official SDK maps them to its error classes;
 * {@link #TooManyRequests} is Haulout's addition for per-requester rate limiting.
 */
public enum KeyServerErrorCode {
  InvalidPTB(403),
  InvalidPackage(403),
  NoAccess(403),
  InvalidCertificate(403),
  InvalidSignature(403),
  InvalidSessionSignature(403),
  InvalidParameter(403),
  InvalidMVRName(403),
  OldPackageVersion(403),
  InvalidSDKType(400),
  InvalidSDKVersion(400),
  InvalidServiceId(400),
  UnsupportedPackageId(400),
  MissingRequiredHeader(400),
  DeprecatedSDKVersion(426),
  TooManyRequests(429),
  Failure(503);

  private final int httpStatus;

  KeyServerErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
