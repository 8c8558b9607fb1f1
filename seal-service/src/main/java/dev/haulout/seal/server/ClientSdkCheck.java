package dev.haulout.seal.server;

/**
 * Seal's client-header middleware ({@code server.rs handle_request_headers}): {@code
 * Client-Sdk-Version} is required and must be semver; each known {@code Client-Sdk-Type} (matched
 * exactly, as Seal's {@code ClientSdkType::from_header}: {@code typescript}, {@code aggregator},
 * {@code rust}, {@code python}) has a minimum version (TypeScript configurable, aggregator 0.6.2,
 * Rust/Python any); a missing or any other type is Seal's {@code Other}, which has none.
 */
public final class ClientSdkCheck {
  public static final String HEADER_SDK_VERSION = "Client-Sdk-Version";
  public static final String HEADER_SDK_TYPE = "Client-Sdk-Type";

  private static final SemVer AGGREGATOR_MIN = SemVer.parse("0.6.2");
  private static final SemVer ANY = SemVer.parse("0.0.0");

  private final SemVer typescriptMin;

  public ClientSdkCheck(String minTypescriptVersion) {
    this.typescriptMin = SemVer.parse(minTypescriptVersion);
  }

  /** Throws {@link KeyServerException} unless the headers name a supported client. */
  public void check(String sdkType, String sdkVersion) {
    if (sdkVersion == null) {
      throw new KeyServerException(
          KeyServerErrorCode.MissingRequiredHeader, "Missing required header: " + HEADER_SDK_VERSION);
    }
    SemVer v;
    try {
      v = SemVer.parse(sdkVersion);
    } catch (IllegalArgumentException e) {
      throw new KeyServerException(KeyServerErrorCode.InvalidSDKVersion, "Invalid SDK version");
    }
    SemVer min;
    switch (sdkType == null ? "" : sdkType) {
      case "typescript":
        min = typescriptMin;
        break;
      case "aggregator":
        min = AGGREGATOR_MIN;
        break;
      default:
        // rust and python require >= 0.0.0; Seal ignores the version of a missing or unknown type
        min = ANY;
        break;
    }
    if (v.compareTo(min) < 0) {
      throw new KeyServerException(
          KeyServerErrorCode.DeprecatedSDKVersion, "Deprecated SDK version, please upgrade");
    }
  }
}
