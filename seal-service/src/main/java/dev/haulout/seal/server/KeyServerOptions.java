package dev.haulout.seal.server;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AccessPolicyPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of one key server (one master key). Mutable builder-style data object with
 * {@code DEFAULT_*} constants; {@link KeyServer#start} validates it. {@link #toString()} never
 * shows the master key.
 */
public final class KeyServerOptions {
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** 0 = an ephemeral port chosen by the OS (read it from the handle). */
  public static final int DEFAULT_PORT = 0;
  /** Seal's {@code session_key_ttl_max}. */
  public static final Duration DEFAULT_SESSION_TTL_MAX = Duration.ofMinutes(30);
  /** Seal's request-body limit. */
  public static final int DEFAULT_MAX_BODY_BYTES = 180 * 1024;
  /** Per-requester sustained rate and burst of {@code fetch_key} requests. */
  public static final double DEFAULT_RATE_PER_SECOND = 20;

  public static final int DEFAULT_RATE_BURST = 40;
  /** Minimum SDK version per client type (Seal's defaults). */
  public static final String DEFAULT_MIN_TYPESCRIPT_SDK_VERSION = "0.4.5";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private MasterKeyPair masterKey;
  private SuiAddress objectId;
  private SuiAddress policyPackage;
  private AccessPolicyPort policy;
  private Clock clock = Clock.systemUTC();
  private Duration sessionTtlMax = DEFAULT_SESSION_TTL_MAX;
  private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private double ratePerSecond = DEFAULT_RATE_PER_SECOND;
  private int rateBurst = DEFAULT_RATE_BURST;
  private String minTypescriptSdkVersion = DEFAULT_MIN_TYPESCRIPT_SDK_VERSION;

  public KeyServerOptions host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  public KeyServerOptions port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    return this;
  }

  /** The master key pair (secret). */
  public KeyServerOptions masterKey(MasterKeyPair masterKey) {
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    return this;
  }

  /** The on-chain key-server object id (bound into the proof of possession). */
  public KeyServerOptions objectId(SuiAddress objectId) {
    this.objectId = Objects.requireNonNull(objectId, "objectId");
    return this;
  }

  /** The only (first-version) policy package whose {@code seal_approve*} calls are served. */
  public KeyServerOptions policyPackage(SuiAddress policyPackage) {
    this.policyPackage = Objects.requireNonNull(policyPackage, "policyPackage");
    return this;
  }

  public KeyServerOptions policy(AccessPolicyPort policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  public KeyServerOptions clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public KeyServerOptions sessionTtlMax(Duration sessionTtlMax) {
    if (sessionTtlMax.isNegative() || sessionTtlMax.isZero()) {
      throw new IllegalArgumentException("sessionTtlMax must be positive: " + sessionTtlMax);
    }
    this.sessionTtlMax = sessionTtlMax;
    return this;
  }

  public KeyServerOptions maxBodyBytes(int maxBodyBytes) {
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1024: " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    return this;
  }

  /** Per-requester token bucket: {@code perSecond} sustained, {@code burst} at once. */
  public KeyServerOptions rateLimit(double perSecond, int burst) {
    RequesterRateLimiter.create(perSecond, burst, clock); // validates
    this.ratePerSecond = perSecond;
    this.rateBurst = burst;
    return this;
  }

  public KeyServerOptions minTypescriptSdkVersion(String version) {
    SemVer.parse(version);
    this.minTypescriptSdkVersion = version;
    return this;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public MasterKeyPair masterKey() {
    return masterKey;
  }

  public SuiAddress objectId() {
    return objectId;
  }

  public SuiAddress policyPackage() {
    return policyPackage;
  }

  public AccessPolicyPort policy() {
    return policy;
  }

  public Clock clock() {
    return clock;
  }

  public Duration sessionTtlMax() {
    return sessionTtlMax;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  public int rateBurst() {
    return rateBurst;
  }

  public String minTypescriptSdkVersion() {
    return minTypescriptSdkVersion;
  }

  /** Throws IllegalArgumentException naming the first missing setting. */
  void validate() {
    if (masterKey == null) {
      throw new IllegalArgumentException("masterKey is required");
    }
    if (objectId == null) {
      throw new IllegalArgumentException("objectId is required");
    }
    if (policyPackage == null) {
      throw new IllegalArgumentException("policyPackage is required");
    }
    if (policy == null) {
      throw new IllegalArgumentException("policy is required");
    }
  }

  @Override
  public String toString() {
    return "KeyServerOptions[host="
        + host
        + ", port="
        + port
        + ", masterKey="
        + (masterKey == null ? "unset" : "[redacted], publicKey=" + masterKey.publicKey())
        + ", objectId="
        + objectId
        + ", policyPackage="
        + policyPackage
        + ", policy="
        + policy
        + ", sessionTtlMax="
        + sessionTtlMax
        + ", rate="
        + ratePerSecond
        + "/s burst "
        + rateBurst
        + "]";
  }
}
