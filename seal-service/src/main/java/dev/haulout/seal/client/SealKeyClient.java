package dev.haulout.seal.client;

import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.DataKeySealer;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealDecryptor;
import dev.haulout.seal.crypto.ServiceEntry;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.crypto.ibe.ObjectIds;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.server.KeyServerErrorCode;
import dev.haulout.seal.session.KeyRequest;
import dev.haulout.seal.session.SessionKey;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Threshold key fetching: asks every needed key server in parallel with one signed request and
 * returns as soon as servers with a summed weight of at least {@code threshold} have returned
 * keys that verify against their public keys. Up to n − t servers may be down, slow or lying
 * (a wrong key fails the pairing check and is discarded). Verified keys are cached per
 * {@code fullId:objectId} for the life of this client, like the SDK's {@code SealClient}; create
 * one client per session. Thread-safe.
 */
public final class SealKeyClient implements KeyServers {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Map<SuiAddress, KeyServerClient> servers;
  private final Duration timeout;
  private final Map<String, VerifiedUserSecretKey> cache = new ConcurrentHashMap<>();

  private SealKeyClient(Map<SuiAddress, KeyServerClient> servers, Duration timeout) {
    this.servers = servers;
    this.timeout = timeout;
  }

  /** A client for {@code servers} (the registry of known key servers) with a per-request timeout. */
  public static SealKeyClient create(List<KeyServerInfo> servers, Duration timeout) {
    HttpClient http = KeyServerClient.defaultHttpClient(timeout);
    Map<SuiAddress, KeyServerClient> m = new LinkedHashMap<>();
    for (KeyServerInfo s : servers) {
      if (m.put(s.objectId(), new KeyServerClient(s, http, timeout)) != null) {
        throw new IllegalArgumentException("duplicate key server " + s.objectId());
      }
    }
    return new SealKeyClient(Map.copyOf(m), timeout);
  }

  public static SealKeyClient create(List<KeyServerInfo> servers) {
    return create(servers, DEFAULT_TIMEOUT);
  }

  /**
   * Fetches verified keys for {@code package::innerId} from servers whose summed weight reaches
   * {@code threshold}; {@code weights} maps each candidate server to its weight (number of shares it
   * holds). {@code ptb} must call {@code seal_approve*} with {@code innerId} as the only identity.
   *
   * @throws KeyFetchException when the threshold cannot be reached (the failures say why)
   */
  @Override
  public List<VerifiedUserSecretKey> fetchKeys(
      SessionKey session, byte[] ptb, byte[] innerId, Map<SuiAddress, Integer> weights, int threshold) {
    Objects.requireNonNull(session, "session");
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be >= 1, got " + threshold);
    }
    byte[] fullId = ObjectIds.fullId(session.packageId().bytes(), innerId);
    String idHex = Hex.encode(fullId);
    List<VerifiedUserSecretKey> have = new ArrayList<>();
    int weight = 0;
    List<KeyServerClient> toAsk = new ArrayList<>();
    for (Map.Entry<SuiAddress, Integer> e : weights.entrySet()) {
      KeyServerClient c = servers.get(e.getKey());
      if (c == null) {
        throw new KeyFetchException(
            KeyFetchException.Code.UNKNOWN_KEY_SERVER, "no URL/public key for key server " + e.getKey(), List.of());
      }
      VerifiedUserSecretKey cached = cache.get(idHex + ":" + e.getKey());
      if (cached != null) {
        have.add(cached);
        weight += e.getValue();
      } else {
        toAsk.add(c);
      }
    }
    if (weight >= threshold) {
      return have;
    }
    if (session.isExpired()) {
      throw new KeyFetchException(KeyFetchException.Code.SESSION_EXPIRED, "session key expired", List.of());
    }
    KeyRequest request = session.newRequest(ptb);
    int pendingWeight = 0;
    for (KeyServerClient c : toAsk) {
      pendingWeight += weights.get(c.server().objectId());
    }
    Quorum quorum = new Quorum(threshold, weight, pendingWeight);
    for (KeyServerClient c : toAsk) {
      int w = weights.get(c.server().objectId());
      c.fetchKeys(request, List.of(fullId))
          .whenComplete(
              (keys, err) -> {
                if (err == null) {
                  VerifiedUserSecretKey k = keys.get(0);
                  cache.put(idHex + ":" + k.keyServer(), k);
                  quorum.success(k, w);
                } else {
                  quorum.failure(c.server().objectId(), unwrap(err), w);
                }
              });
    }
    try {
      List<VerifiedUserSecretKey> fetched =
          quorum.done.get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
      have.addAll(fetched);
      return have;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching keys", e);
    } catch (TimeoutException e) {
      throw quorum.notReached("timed out waiting for key servers");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KeyFetchException k) {
        throw k;
      }
      throw new IllegalStateException("unexpected key fetch failure", e.getCause());
    }
  }

  /**
   * Fetches keys for {@code object}'s identity from its key servers (weights and threshold taken
   * from the object) and decrypts it. {@code ptb} must call the policy's {@code seal_approve*} with
   * the object's inner id; see {@link SealApproveTransactions}. When {@code checkShareConsistency}
   * is set, all n shares must lie on one polynomial (needed when encryptors are untrusted); this
   * requires every key server of the object to be known to this client.
   *
   * @return the plaintext (or the DEM key of a {@code Plain} object)
   * @throws KeyFetchException if the object's servers are unknown or the threshold is not reached
   * @throws dev.haulout.seal.crypto.SealCryptoException if the object does not decrypt
   */
  @Override
  public byte[] decrypt(
      EncryptedObject object, SessionKey session, byte[] ptb, boolean checkShareConsistency) {
    List<UserSecretKey> usks = userSecretKeys(object, session, ptb);
    return SealDecryptor.decrypt(object, usks, checkShareConsistency ? publicKeys(object) : null);
  }

  /**
   * Fetches verified user secret keys for {@code object}'s identity from servers whose summed
   * weight (their number of share positions in the object) reaches its threshold.
   */
  @Override
  public List<UserSecretKey> userSecretKeys(EncryptedObject object, SessionKey session, byte[] ptb) {
    if (!java.util.Arrays.equals(object.packageId(), session.packageId().bytes())) {
      throw new KeyFetchException(
          KeyFetchException.Code.PACKAGE_MISMATCH,
          "object package " + ObjectIds.format(object.packageId()) + " differs from session package " + session.packageId(),
          List.of());
    }
    List<VerifiedUserSecretKey> keys = fetchKeys(session, ptb, object.id(), weights(object), object.threshold());
    List<UserSecretKey> usks = new ArrayList<>(keys.size());
    for (VerifiedUserSecretKey k : keys) {
      usks.add(new UserSecretKey(k.keyServer().bytes(), k.key()));
    }
    return usks;
  }

  /** The registered public key of every distinct key server of {@code object}. */
  public List<KeyServerPublicKey> publicKeys(EncryptedObject object) {
    List<KeyServerPublicKey> pks = new ArrayList<>();
    for (SuiAddress id : weights(object).keySet()) {
      KeyServerClient c = servers.get(id);
      if (c == null) {
        throw new KeyFetchException(
            KeyFetchException.Code.UNKNOWN_KEY_SERVER, "no URL/public key for key server " + id, List.of());
      }
      pks.add(new KeyServerPublicKey(id.bytes(), c.server().publicKey()));
    }
    return pks;
  }

  /**
   * Resolves an envelope's data key by unsealing its sealed-key object with keys fetched from
   * the key servers ({@code module::seal_approve(id)} PTB, consistency check on).
   */
  @Override
  public DataKeyResolver dataKeyResolver(SessionKey session, String policyModule) {
    return header -> {
      EncryptedObject sealed = header.sealedKeyObject();
      byte[] ptb = SealApproveTransactions.sealApprove(session.packageId(), policyModule, sealed.id());
      return DataKeySealer.unseal(sealed, userSecretKeys(sealed, session, ptb), publicKeys(sealed));
    };
  }

  private static Map<SuiAddress, Integer> weights(EncryptedObject object) {
    Map<SuiAddress, Integer> weights = new LinkedHashMap<>();
    for (ServiceEntry s : object.services()) {
      weights.merge(SuiAddress.fromBytes(s.objectId()), 1, Integer::sum);
    }
    return weights;
  }

  /** {@link #decrypt(EncryptedObject, SessionKey, byte[], boolean)} with a {@code module::seal_approve(id)} PTB and the consistency check. */
  public byte[] decrypt(byte[] encryptedObject, SessionKey session, String policyModule) {
    EncryptedObject object = EncryptedObject.fromBytes(encryptedObject);
    byte[] ptb = SealApproveTransactions.sealApprove(session.packageId(), policyModule, object.id());
    return decrypt(object, session, ptb, true);
  }

  /** Number of cached verified keys (for diagnostics and tests). */
  public int cachedKeyCount() {
    return cache.size();
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** Collects answers until the threshold is reached or can no longer be reached. */
  private static final class Quorum {
    final CompletableFuture<List<VerifiedUserSecretKey>> done = new CompletableFuture<>();
    private final int threshold;
    private int weight;
    private int pendingWeight;
    private final List<VerifiedUserSecretKey> keys = new ArrayList<>();
    private final List<KeyFetchException.ServerFailure> failures = new ArrayList<>();

    Quorum(int threshold, int weight, int pendingWeight) {
      this.threshold = threshold;
      this.weight = weight;
      this.pendingWeight = pendingWeight;
      if (weight + pendingWeight < threshold) {
        done.completeExceptionally(notReached("not enough key servers to ask"));
      }
    }

    synchronized void success(VerifiedUserSecretKey k, int w) {
      keys.add(k);
      weight += w;
      pendingWeight -= w;
      if (weight >= threshold) {
        done.complete(List.copyOf(keys));
      }
    }

    /** Fails as soon as the servers still pending cannot lift the weight to the threshold. */
    synchronized void failure(SuiAddress server, Throwable t, int w) {
      if (t instanceof KeyServerCallException k) {
        failures.add(new KeyFetchException.ServerFailure(server.toString(), k.code(), k.getMessage(), k.isRetriable()));
      } else {
        // an unexpected failure counts as the server error Seal reports for it
        failures.add(new KeyFetchException.ServerFailure(server.toString(), KeyServerErrorCode.Failure.name(), t.toString(),
            true));
      }
      pendingWeight -= w;
      if (weight + pendingWeight < threshold) {
        done.completeExceptionally(notReached("not enough key servers answered"));
      }
    }

    synchronized KeyFetchException notReached(String why) {
      return new KeyFetchException(
          KeyFetchException.Code.THRESHOLD_NOT_REACHED,
          why + ": verified weight " + weight + " < threshold " + threshold + "; failures " + failures,
          failures);
    }
  }
}
