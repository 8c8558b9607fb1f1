package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.crypto.SuiSignatures;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A purchase paid by the account's linked wallet, whose key the CLI holds (docs/commerce.md "Buy
 * and rent"): GraphQL {@code purchaseTransaction} gives the unsigned Buy/Rent bytes, the CLI checks
 * they are the quoted purchase from its own address (it never signs what it was not asked for),
 * signs them with the Sui TransactionData intent (what the ledger checks) and sends
 * {@code submitPurchase}. The key never leaves this machine.
 */
final class LinkedPurchase {
  static final String TRANSACTION = "query($t:String!,$k:String!){purchaseTransaction(quote:$t,idempotencyKey:$k){"
      + "txBytes digest sender nonce expirationMs listingId kind periods maxPriceFrost}}";
  static final String SUBMIT = "mutation($s:String!,$t:String!,$k:String!){submitPurchase(signedTransaction:$s,"
      + "quote:$t,idempotencyKey:$k){listingId kind txDigest accessId expiresAtMs receipt}}";

  private LinkedPurchase() {}

  /** The quote's terms the transaction must carry. */
  record Terms(String listingId, String kind, long periods, long priceFrost, String buyer, long expiresAtMs) {
    static Terms of(JsonNode quote) {
      return new Terms(quote.path("listingId").asText(), quote.path("kind").asText(), quote.path("periods").asLong(1),
          quote.path("priceFrost").asLong(), quote.path("buyer").asText(), quote.path("expiresAtMs").asLong());
    }
  }

  /** The linked wallet's key from {@code keystore}, or WALLET_KEY_MISSING when it is not there or another key. */
  static Ed25519KeyPair key(Path keystore, String linkedAddress) {
    Ed25519KeyPair k = null;
    try {
      if (keystore != null && Files.isRegularFile(keystore)) {
        k = Ed25519KeyPair.fromSuiPrivateKey(Files.readString(keystore, StandardCharsets.UTF_8).strip());
      }
    } catch (java.io.IOException | RuntimeException e) {
      // the parser's message may quote the file's characters: a key file is never echoed
      throw new CliError("WALLET_KEY_MISSING", "cannot read a wallet key (suiprivkey1…) from " + keystore);
    }
    if (k == null || !k.address().toString().equalsIgnoreCase(linkedAddress)) {
      throw new CliError("WALLET_KEY_MISSING", "your account's wallet is the linked address " + linkedAddress
          + "; no key for it at " + keystore + " (give --keystore or set HAULOUT_WALLET)");
    }
    return k;
  }

  /**
   * Checks that {@code txBytes} are exactly the purchase of {@code terms} sent by {@code key}
   * (TRANSACTION_MISMATCH naming the field otherwise) and returns the body the ledger's {@code POST
   * /v1/transactions} takes: {@code {"txBytes": base64, "signature": base64}}.
   */
  static String sign(Ed25519KeyPair key, byte[] txBytes, Terms terms) {
    TransactionData tx;
    try {
      tx = TxCodec.decode(txBytes);
    } catch (RuntimeException e) {
      throw mismatch("the bytes are not a ledger transaction");
    }
    if (!tx.sender().equalsIgnoreCase(key.address().toString())) {
      throw mismatch("sender " + tx.sender() + " is not your wallet " + key.address());
    }
    if (tx.expirationMs() <= 0 || tx.expirationMs() > terms.expiresAtMs()) {
      throw mismatch("expiry " + tx.expirationMs() + " is not the quote's " + terms.expiresAtMs());
    }
    if ("BUY".equals(terms.kind()) && tx.kind() instanceof TxKind.Buy b) {
      check(b.listingId(), b.maxPriceFrost(), 1, terms);
    } else if ("RENT".equals(terms.kind()) && tx.kind() instanceof TxKind.Rent r) {
      check(r.listingId(), r.maxPriceFrost(), r.periods(), terms);
    } else {
      throw mismatch("the transaction is " + tx.kind().getClass().getSimpleName() + ", the quote a " + terms.kind());
    }
    ObjectNode body = Market.json().createObjectNode();
    body.put("txBytes", Base64.getEncoder().encodeToString(txBytes));
    body.put("signature", SuiSignatures.signTransaction(key, txBytes));
    return body.toString();
  }

  private static void check(String listingId, long maxPrice, long periods, Terms terms) {
    if (!listingId.equalsIgnoreCase(terms.listingId())) {
      throw mismatch("listing " + listingId + " is not the quoted " + terms.listingId());
    }
    if (maxPrice != terms.priceFrost()) {
      throw mismatch("price " + maxPrice + " FROST is not the quoted " + terms.priceFrost());
    }
    if (periods != terms.periods()) {
      throw mismatch("periods " + periods + " are not the quoted " + terms.periods());
    }
  }

  private static CliError mismatch(String what) {
    return new CliError("TRANSACTION_MISMATCH", "the marketplace's purchase transaction does not match the quote: "
        + what + "; nothing was signed");
  }

  /**
   * purchaseTransaction, check and sign, submitPurchase; a lost answer is retried with the same key
   * and the same signed bytes (the server answers the stored purchase, the ledger runs the nonce once).
   */
  static JsonNode pay(Market m, Ed25519KeyPair key, JsonNode quote, String idempotencyKey) {
    String token = quote.path("token").asText();
    JsonNode tx = Purchases.retrying(() -> m.graphql(TRANSACTION, Map.of("t", token, "k", idempotencyKey), true))
        .path("purchaseTransaction");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(tx.path("txBytes").asText());
    } catch (IllegalArgumentException e) {
      throw mismatch("txBytes is not base64");
    }
    String signed = sign(key, bytes, Terms.of(quote));
    Map<String, Object> vars = Map.of("s", signed, "t", token, "k", idempotencyKey);
    return Purchases.retrying(() -> m.graphql(SUBMIT, vars, true)).path("submitPurchase");
  }
}
