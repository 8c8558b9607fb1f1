package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.Wal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Buy and rent: GraphQL {@code quote}, then {@code purchase} with the quote's token and a fresh
 * idempotency key (a retry of the same command is a new purchase; a retry inside it reuses the
 * key, so the network failing after the charge never charges twice). The receipt is saved under
 * {@code $XDG_DATA_HOME/haulout/receipts/}.
 */
final class Purchases {
  static final Pattern LISTING_ID = Pattern.compile("0x[0-9a-fA-F]{64}");
  /** Kind and periods are literals (as the web page sends them): the schema types periods as SmallRye's Long scalar. */
  static final String QUOTE = "query($id:String!){quote(listingId:$id,kind:%s,periods:%d){"
      + "token listingId kind periods priceFrost buyer expiresAtMs}}";
  static final String PURCHASE = "mutation($t:String!,$k:String!){purchase(quote:$t,idempotencyKey:$k){"
      + "listingId kind txDigest accessId expiresAtMs receipt}}";

  private Purchases() {}

  static String listingId(String s) {
    if (!LISTING_ID.matcher(s).matches()) {
      throw new CliError("INVALID_LISTING_ID", "'" + Texts.clip(s, 80) + "' is not a listing id (0x and 64 hex digits)");
    }
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  static int run(Market m, String listing, String kind, Integer periods, boolean json, PrintWriter out,
      PrintWriter err) throws IOException {
    String id = listingId(listing);
    JsonNode q = m.graphql(String.format(java.util.Locale.ROOT, QUOTE, kind, periods == null ? 1 : periods),
        Map.of("id", id), true).path("quote");
    long price = q.path("priceFrost").asLong();
    if (!json) {
      err.println("quote: " + kind.toLowerCase(java.util.Locale.ROOT) + (periods == null ? "" : " × " + periods)
          + " for " + Wal.formatWal(price) + " WAL (" + price + " FROST)");
    }
    String key = UUID.randomUUID().toString();
    Map<String, Object> vars = Map.of("t", q.path("token").asText(), "k", key);
    JsonNode p;
    try {
      p = m.graphql(PURCHASE, vars, true).path("purchase");
    } catch (CliError e) {
      if (!"UNREACHABLE".equals(e.code())) {
        throw e;
      }
      p = m.graphql(PURCHASE, vars, true).path("purchase"); // same key: answered with the first purchase
    }
    Path receipt = saveReceipt(p);
    if (json) {
      ObjectNode o = ((ObjectNode) p.deepCopy());
      o.put("priceFrost", price);
      o.put("receiptPath", receipt == null ? null : receipt.toString());
      out.println(Market.json().writeValueAsString(o));
    } else {
      out.println((kind.equals("BUY") ? "bought " : "rented ") + id + " for " + Wal.formatWal(price) + " WAL"
          + (p.hasNonNull("expiresAtMs") ? ", until " + java.time.Instant.ofEpochMilli(p.get("expiresAtMs").asLong()) : ""));
      out.println("transaction " + p.path("txDigest").asText());
      if (receipt != null) {
        out.println("receipt " + receipt);
      }
    }
    return 0;
  }

  /** Writes the purchase's receipt (a JSON document or a JSON string of one); null when none came. */
  static Path saveReceipt(JsonNode purchase) throws IOException {
    JsonNode r = purchase.get("receipt");
    if (r == null || r.isNull()) {
      return null;
    }
    JsonNode doc = r.isTextual() ? Market.json().readTree(r.asText()) : r;
    Path dir = receiptsDir();
    Files.createDirectories(dir);
    String name = purchase.path("listingId").asText("listing") + "-" + safe(purchase.path("txDigest").asText("tx")) + ".json";
    Path f = dir.resolve(name);
    try {
      Files.write(f, Market.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f, e);
    }
    return f;
  }

  static Path receiptsDir() {
    String xdg = Env.get("XDG_DATA_HOME", null);
    Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("haulout").resolve("receipts");
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
