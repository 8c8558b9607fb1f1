package dev.haulout.dataset;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.seal.client.KeyServerInfo;
import dev.haulout.seal.crypto.SealCryptoException;
import dev.haulout.seal.crypto.bls.G2Point;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Seal key servers a client may seal to and fetch shares from, read from the ledger's {@code
 * KeyServer} objects ({@link Ledger#keyServers()}) — never from configuration. Each entry is
 * checked again here (the ledger may be someone else's, over HTTP): object id {@code 0x} + 64 hex,
 * http/https URL of at most 512 characters, public key a 96-byte compressed point in G2 (subgroup
 * checked), weight 1..255. A malformed entry is left out and listed in {@link #rejected()} with
 * the reason; it never fails the whole directory. Entries that share a public key are all left
 * out: one master key listed twice would count its shares twice towards a threshold.
 */
public final class KeyServerDirectory {
  /** Why an entry was left out. */
  public enum Reason { BAD_OBJECT_ID, BAD_URL, BAD_PUBLIC_KEY, BAD_WEIGHT, DUPLICATE_PUBLIC_KEY }

  /** A ledger entry left out of the directory. */
  public record Rejected(String objectId, Reason reason, String detail) {}

  /** A usable key server: what {@code SealKeyClient} needs, its weight and its ledger name and owner. */
  public record Entry(KeyServerInfo info, int weight, String name, String owner) {}

  private final List<Entry> entries;
  private final List<Rejected> rejected;

  private KeyServerDirectory(List<Entry> entries, List<Rejected> rejected) {
    this.entries = List.copyOf(entries);
    this.rejected = List.copyOf(rejected);
  }

  /** Every well-formed key server on {@code ledger}, in the ledger's order (by object id). */
  public static KeyServerDirectory load(Ledger ledger) {
    return of(ledger.keyServers());
  }

  /** Only the key servers owned by one of {@code owners} (e.g. the marketplace's operators). */
  public static KeyServerDirectory load(Ledger ledger, Set<SuiAddress> owners) {
    List<String> allowed = owners.stream().map(SuiAddress::toString).toList();
    return of(ledger.keyServers().stream().filter(k -> k.owner() != null && allowed.contains(k.owner())).toList());
  }

  /** The directory of these ledger objects (checked as described above). */
  public static KeyServerDirectory of(Collection<KeyServer> servers) {
    List<Entry> ok = new ArrayList<>();
    List<Rejected> bad = new ArrayList<>();
    for (KeyServer k : servers) {
      try {
        ok.add(check(k));
      } catch (Refused r) {
        bad.add(new Rejected(k.id(), r.reason, r.getMessage()));
      }
    }
    Map<G2Point, Integer> uses = new HashMap<>();
    ok.forEach(e -> uses.merge(e.info().publicKey(), 1, Integer::sum));
    List<Entry> unique = new ArrayList<>();
    for (Entry e : ok) {
      if (uses.get(e.info().publicKey()) > 1) {
        bad.add(new Rejected(e.info().objectId().toString(), Reason.DUPLICATE_PUBLIC_KEY,
            "public key listed by " + uses.get(e.info().publicKey()) + " key servers"));
      } else {
        unique.add(e);
      }
    }
    return new KeyServerDirectory(unique, bad);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The servers, as {@code SealKeyClient.create} takes them. */
  public List<KeyServerInfo> servers() {
    return entries.stream().map(Entry::info).toList();
  }

  /** Object id → weight, in the directory's order, as {@code SealKeyClient.fetchKeys} and sealing take it. */
  public Map<SuiAddress, Integer> weights() {
    Map<SuiAddress, Integer> m = new LinkedHashMap<>();
    entries.forEach(e -> m.put(e.info().objectId(), e.weight()));
    return m;
  }

  /** The sum of the weights: the most a threshold may ask for. */
  public int totalWeight() {
    return entries.stream().mapToInt(Entry::weight).sum();
  }

  public Optional<Entry> byId(SuiAddress objectId) {
    return entries.stream().filter(e -> e.info().objectId().equals(objectId)).findFirst();
  }

  /** The entries left out, with why. */
  public List<Rejected> rejected() {
    return rejected;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  private static Entry check(KeyServer k) {
    if (!SuiAddress.isValid(k.id())) {
      throw new Refused(Reason.BAD_OBJECT_ID, "object id is not 0x + 64 hex digits");
    }
    SuiAddress id = SuiAddress.parse(k.id());
    URI url = url(k.url());
    G2Point pk = publicKey(k.publicKey());
    if (k.weight() < 1 || k.weight() > KeyServer.MAX_WEIGHT) {
      throw new Refused(Reason.BAD_WEIGHT, "weight " + k.weight() + " is outside 1.." + KeyServer.MAX_WEIGHT);
    }
    return new Entry(new KeyServerInfo(id, url, pk), k.weight(), k.name(), k.owner());
  }

  private static URI url(String url) {
    if (url == null || url.isEmpty() || url.length() > KeyServer.MAX_URL) {
      throw new Refused(Reason.BAD_URL, "url missing or over " + KeyServer.MAX_URL + " characters");
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused(Reason.BAD_URL, "url does not parse: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
        || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new Refused(Reason.BAD_URL, "url must be http:// or https:// with a host, no user info, query or fragment");
    }
    // KeyServerInfo compares the scheme exactly
    return scheme.equals(u.getScheme()) ? u : URI.create(scheme + url.substring(u.getScheme().length()));
  }

  private static G2Point publicKey(String hex) {
    if (hex == null || hex.length() != 2 * G2Point.SIZE) {
      throw new Refused(Reason.BAD_PUBLIC_KEY, "public key is not " + G2Point.SIZE + " bytes of hex");
    }
    try {
      return G2Point.fromBytes(Hex.decode(hex));
    } catch (SealCryptoException | IllegalArgumentException e) {
      throw new Refused(Reason.BAD_PUBLIC_KEY, e.getMessage());
    }
  }

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Reason reason;

    Refused(Reason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
