package dev.haulout.marketplace.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.marketplace.domain.CatalogException;
import dev.haulout.marketplace.domain.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The {@code signedTransaction} of submitPurchase: the JSON body the ledger's {@code POST
 * /v1/transactions} takes, {@code {"txBytes": base64, "signature": base64 Sui serialized
 * signature}}, and the check that its bytes are exactly the expected purchase transaction.
 */
final class SignedPurchase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 16 * 1024;

  private SignedPurchase() {}

  static SignedTransaction parse(String signedTransaction) {
    if (signedTransaction == null || signedTransaction.length() > MAX_TEXT) {
      throw invalid("signedTransaction is missing or longer than " + MAX_TEXT + " characters");
    }
    JsonNode n;
    try {
      n = JSON.readTree(signedTransaction);
    } catch (IOException e) {
      throw invalid("signedTransaction is not JSON");
    }
    if (n == null || !n.isObject() || !n.path("txBytes").isTextual() || !n.path("signature").isTextual()) {
      throw invalid("signedTransaction must be {\"txBytes\": base64, \"signature\": base64}");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(n.get("txBytes").asText());
    } catch (IllegalArgumentException e) {
      throw invalid("txBytes is not base64");
    }
    return new SignedTransaction(bytes, n.get("signature").asText());
  }

  /** Refuses, naming what differs, unless {@code txBytes} encode exactly {@code expected}. */
  static void requireMatch(byte[] txBytes, TransactionData expected) {
    if (Arrays.equals(txBytes, TxCodec.encode(expected))) {
      return;
    }
    TransactionData got;
    try {
      got = TxCodec.decode(txBytes);
    } catch (RuntimeException e) {
      throw mismatch("txBytes are not a ledger transaction (" + e.getMessage() + ")");
    }
    List<String> diff = new ArrayList<>();
    if (!got.sender().equals(expected.sender())) {
      diff.add("sender " + got.sender() + " is not the quote's buyer " + expected.sender());
    }
    if (got.nonce() != expected.nonce()) {
      diff.add("nonce is not the one of this idempotencyKey");
    }
    if (got.expirationMs() != expected.expirationMs()) {
      diff.add("expirationMs is not the quote's expiry " + expected.expirationMs());
    }
    if (!got.kind().equals(expected.kind())) {
      diff.add("the transaction is " + describe(got.kind()) + ", the quote asks for " + describe(expected.kind()));
    }
    throw mismatch("the signed transaction is not the quoted purchase: "
        + (diff.isEmpty() ? "its encoding differs" : String.join("; ", diff))
        + " (purchaseTransaction returns the bytes to sign)");
  }

  private static String describe(TxKind k) {
    if (k instanceof TxKind.Buy b) {
      return "Buy(" + b.listingId() + ", maxPrice " + b.maxPriceFrost() + ")";
    }
    if (k instanceof TxKind.Rent r) {
      return "Rent(" + r.listingId() + ", " + r.periods() + " periods, maxPrice " + r.maxPriceFrost() + ")";
    }
    return k.getClass().getSimpleName();
  }

  private static CatalogException invalid(String message) {
    return new CatalogException(ErrorCode.INVALID_ARGUMENT, message);
  }

  private static CatalogException mismatch(String message) {
    return new CatalogException(ErrorCode.TRANSACTION_MISMATCH, message);
  }
}
