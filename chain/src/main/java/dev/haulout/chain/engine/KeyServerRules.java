package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.tx.TxKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Seal key servers as ledger objects: anyone registers one (it is theirs to update), so clients
 * find the t-of-n servers, their URLs, public keys and weights on the ledger instead of in
 * configuration. The ledger checks the shape only: that the public key is a G2 point of the
 * server's master key is the client's check (Seal's {@code /v1/service} proof of possession).
 */
final class KeyServerRules {
  private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{" + 2 * KeyServer.PUBLIC_KEY_BYTES + "}");

  private KeyServerRules() {}

  static void register(RuleContext ctx, String s, TxKind.RegisterKeyServer r) {
    String name = name(r.name());
    String url = url(r.url());
    String publicKey = publicKey(r.publicKey());
    int weight = weight(r.weight());
    KeyServer ks = new KeyServer(ctx.newId(), s, name, url, publicKey, weight);
    long v = ctx.create(ks);
    ctx.event("KeyServerRegistered", ks.id(), v, EventBodies.of("keyServerId", ks.id(), "owner", s, "name", name,
        "url", url, "publicKey", publicKey, "weight", weight));
  }

  static void update(RuleContext ctx, String s, TxKind.UpdateKeyServer u) {
    String url = url(u.url());
    KeyServer ks = ctx.load(u.keyServerId(), KeyServer.class);
    RuleContext.requireOwner(s, ks);
    KeyServer next = ks.withUrl(url);
    long v = ctx.update(next);
    ctx.event("KeyServerUpdated", next.id(), v, EventBodies.of("keyServerId", next.id(), "owner", s, "url", url));
  }

  /** As a storage node's name: well-formed text, no control character, at most 128; and not blank. */
  static String name(String name) {
    String n = ListingLimits.text("name", name, ListingLimits.MAX_NODE_NAME, false);
    if (n.isBlank()) {
      throw new LedgerException(ErrorCode.INVALID_TEXT, "a key server needs a name");
    }
    return n;
  }

  /** An absolute {@code http} or {@code https} URL with a host, no user info, query or fragment. */
  static String url(String url) {
    if (url == null || url.isEmpty()) {
      throw new LedgerException(ErrorCode.INVALID_URL, "a key server needs a url");
    }
    if (url.length() > KeyServer.MAX_URL) {
      throw new LedgerException(ErrorCode.INVALID_URL, "url is " + url.length() + " characters, at most " + KeyServer.MAX_URL);
    }
    ListingLimits.text("url", url, KeyServer.MAX_URL, false);
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new LedgerException(ErrorCode.INVALID_URL, "url does not parse: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
        || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new LedgerException(ErrorCode.INVALID_URL,
          "url must be http:// or https:// with a host and no user info, query or fragment");
    }
    return url;
  }

  /** Exactly 96 bytes of hex (an optional {@code 0x} accepted); returned lower-case without the prefix. */
  static String publicKey(String hex) {
    String h = hex != null && (hex.startsWith("0x") || hex.startsWith("0X")) ? hex.substring(2) : hex;
    if (h == null || !HEX_KEY.matcher(h).matches()) {
      throw new LedgerException(ErrorCode.INVALID_PUBLIC_KEY,
          "publicKey must be " + KeyServer.PUBLIC_KEY_BYTES + " bytes (" + 2 * KeyServer.PUBLIC_KEY_BYTES + " hex digits)");
    }
    return h.toLowerCase(Locale.ROOT);
  }

  static int weight(int weight) {
    if (weight < 1 || weight > KeyServer.MAX_WEIGHT) {
      throw new LedgerException(ErrorCode.INVALID_WEIGHT, "weight " + weight + " is outside 1.." + KeyServer.MAX_WEIGHT);
    }
    return weight;
  }
}
