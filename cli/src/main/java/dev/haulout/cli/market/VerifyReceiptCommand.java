package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.Wal;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519PublicKey;
import dev.haulout.cli.InputFiles;
import dev.haulout.dataset.Receipt;
import dev.haulout.dataset.SignedDocumentException;
import dev.haulout.wire.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haulout verify-receipt FILE [--key HEX|FILE] [--offline] [--json]}: checks a {@code
 * haulout.receipt.v1} document — offline, its Ed25519 signature against the marketplace's key
 * (from {@code --key}, else cached per marketplace URL after one {@code GET
 * /api/v1/marketplace-key}); online, unless {@code --offline}, that the ledger's transaction and
 * access object say the same (dataset's {@link Receipt#verify} does the signature, {@link
 * ReceiptLedgerCheck} the ledger). Exit 0 genuine, 1 the receipt fails a check (its {@code
 * RECEIPT_*} code), 2 it could not be checked (usage, no key, unreachable).
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
    description = "Verify a purchase receipt: the marketplace's signature offline, the ledger online.")
public final class VerifyReceiptCommand implements Callable<Integer> {
  static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  @Spec CommandSpec spec;
  @Mixin MarketOptions market;
  @Mixin NetworkOptions network;

  @Parameters(index = "0", paramLabel = "FILE", description = "The receipt (haulout.receipt.v1 JSON).")
  Path file;

  @Option(names = "--key", paramLabel = "HEX|FILE",
      description = "The marketplace's Ed25519 public key: hex, or a file with the hex or the /api/v1/marketplace-key JSON.")
  String key;

  @Option(names = "--offline", description = "Check the signature only; no network (the key from --key or the cache).")
  boolean offline;

  @Option(names = "--json", description = "Print the outcome as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    InputFiles.regularFileSize(file);
    String doc = Files.readString(file, StandardCharsets.UTF_8);
    Market m = new Market(market);
    Ed25519PublicKey pk = key != null ? parseKey(key) : MarketplaceKeys.of(m, offline);
    PrintWriter out = spec.commandLine().getOut();
    Receipt r;
    ReceiptLedgerCheck.Result ledger = null;
    try {
      try {
        r = Receipt.verify(doc, pk);
      } catch (SignedDocumentException e) {
        throw new CliError(switch (e.check()) {
          case SIGNER -> "RECEIPT_KEY_MISMATCH";
          case SIGNATURE -> "RECEIPT_SIGNATURE_INVALID";
          default -> "RECEIPT_MALFORMED";
        }, e.getMessage());
      }
      if (!offline) {
        String url = network.resolve(m, false).ledgerUrl();
        try (HttpLedgerClient l = HttpLedgerClient.create(url)) {
          ledger = ReceiptLedgerCheck.check(l, r);
        }
      }
    } catch (CliError e) {
      if (!e.code().startsWith("RECEIPT_")) {
        throw e; // could not check: exit 2 through the common handler
      }
      if (json) {
        ObjectNode o = Market.json().createObjectNode().put("valid", false).put("code", e.code())
            .put("message", e.getMessage());
        out.println(Market.json().writeValueAsString(o));
      } else {
        spec.commandLine().getErr().println("error: " + e.code() + ": " + e.getMessage());
      }
      return 1;
    }
    String keyHex = "0x" + Hex.encode(pk.bytes());
    if (json) {
      ObjectNode o = Market.json().createObjectNode().put("valid", true).put("publicKey", keyHex)
          .put("ledgerChecked", ledger != null);
      o.set("receipt", Market.json().valueToTree(r));
      if (ledger != null) {
        o.put("checkpoint", ledger.checkpoint()).put("accessType", ledger.accessType())
            .put("accessOwner", ledger.accessOwner());
      }
      out.println(Market.json().writeValueAsString(o));
      return 0;
    }
    out.println("receipt OK: " + r.kind() + " of " + r.listingId() + " (revision " + r.revision() + ") by " + r.buyer()
        + " for " + Wal.formatWal(r.priceFrost()) + " WAL (" + r.priceFrost() + " FROST)");
    out.println("  signature: verified with the marketplace key " + keyHex);
    if (ledger == null) {
      out.println("  ledger: not checked (--offline)");
    } else {
      out.println("  ledger: transaction " + r.txDigest() + " (checkpoint " + ledger.checkpoint()
          + ") names this buyer, listing and price; " + ledger.accessType() + " " + r.accessId() + " exists"
          + (ledger.accessOwner().equalsIgnoreCase(r.buyer()) ? "" : " (now owned by " + ledger.accessOwner() + ")")
          + "; " + ledger.blobs() + " blob" + (ledger.blobs() == 1 ? "" : "s") + " as named");
    }
    return 0;
  }

  /** A key given as hex, or as a file holding the hex or the marketplace-key JSON. */
  static Ed25519PublicKey parseKey(String value) throws IOException {
    String text = value.strip();
    if (!HEX_KEY.matcher(text).matches()) {
      Path p = Path.of(text);
      if (!Files.isRegularFile(p)) {
        throw new CliError("INVALID_KEY", "--key is neither 64 hex digits nor a readable file: " + Texts.clip(text, 80));
      }
      text = Files.readString(p, StandardCharsets.UTF_8).strip();
      if (text.startsWith("{")) {
        text = Market.parse(text.getBytes(StandardCharsets.UTF_8)).path("publicKey").asText("");
      }
    }
    if (!HEX_KEY.matcher(text).matches()) {
      throw new CliError("INVALID_KEY", "the marketplace key must be 32 bytes of hex (0x…)");
    }
    try {
      return Ed25519PublicKey.fromBytes(Hex.decode(text.startsWith("0x") ? text.substring(2) : text));
    } catch (IllegalArgumentException e) {
      throw new CliError("INVALID_KEY", "not an Ed25519 public key: " + e.getMessage());
    }
  }

  /**
   * The marketplace's key, cached per marketplace URL in {@code $XDG_CONFIG_HOME/haulout/marketplace-keys.json}
   * after the first fetch (trust on first use: a later receipt under another key fails, it does not
   * silently replace the cached one).
   */
  static final class MarketplaceKeys {
    private MarketplaceKeys() {}

    static Ed25519PublicKey of(Market m, boolean offline) throws IOException {
      Path cache = SessionStore.configHome(Env.all()).resolve("haulout").resolve("marketplace-keys.json");
      ObjectNode all = Files.isRegularFile(cache) && Market.parse(Files.readAllBytes(cache)).isObject()
          ? (ObjectNode) Market.parse(Files.readAllBytes(cache)) : Market.json().createObjectNode();
      JsonNode cached = all.get(m.api());
      if (cached != null && cached.isTextual()) {
        return parseKey(cached.asText());
      }
      if (offline) {
        throw new CliError("KEY_REQUIRED", "no cached key for " + m.api() + ": give --key, or verify once online");
      }
      HttpRequest req = HttpRequest.newBuilder(URI.create(m.api() + "/api/v1/marketplace-key"))
          .timeout(Duration.ofSeconds(30)).GET().build();
      HttpResponse<String> r = Http.send(m.http(), req, m.api());
      JsonNode body = Market.parse(r);
      if (r.statusCode() != 200) {
        throw Market.httpError(r.statusCode(), body);
      }
      String hex = body.path("publicKey").asText("");
      Ed25519PublicKey pk = parseKey(hex);
      all.put(m.api(), hex);
      Files.createDirectories(cache.getParent());
      Path tmp = Files.createTempFile(cache.getParent(), ".marketplace-keys", ".tmp");
      Files.write(tmp, Market.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
      Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return pk;
    }
  }
}
