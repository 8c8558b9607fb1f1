package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.dataset.Receipt;
import dev.haulout.wire.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code haulout verify-receipt} against a real ledger: a genuine receipt of a real Buy passes
 * offline and online; one altered byte in any signed field, another key, a malformed file, and a
 * well-signed receipt the ledger contradicts each fail with their code and exit 1; no key offline
 * is exit 2.
 */
@Timeout(180)
class VerifyReceiptTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  @TempDir Path tmp;
  String keyHex;

  @BeforeAll
  static void network() {
    NetworkFixture.start();
  }

  @BeforeEach
  void setUp() {
    Env.override(Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString(),
        "HAULOUT_API", "http://127.0.0.1:1", "HAULOUT_LEDGER_URL", NetworkFixture.ledgerUrl()));
    keyHex = "0x" + Hex.encode(NetworkFixture.MARKET.publicKey().bytes());
  }

  @AfterEach
  void tearDown() {
    Env.override(null);
  }

  Path write(String name, String doc) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, doc, StandardCharsets.UTF_8);
    return f;
  }

  CliRun verify(Path f, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "verify-receipt";
    args[1] = f.toString();
    args[2] = "--key=" + keyHex;
    System.arraycopy(extra, 0, args, 3, extra.length);
    return CliRun.of(null, args);
  }

  @Test
  void aGenuineReceiptVerifiesOfflineAndAgainstTheLedger() throws Exception {
    Path f = write("r.json", NetworkFixture.receipt.sign(NetworkFixture.MARKET));
    CliRun online = verify(f);
    assertEquals(0, online.exit(), online.err());
    assertTrue(online.out().contains("receipt OK: BUY of " + NetworkFixture.listingId), online.out());
    assertTrue(online.out().contains("transaction " + NetworkFixture.bought.digest()), online.out());
    assertTrue(online.out().contains("AccessPass " + NetworkFixture.receipt.accessId() + " exists"), online.out());
    assertTrue(online.out().contains("1 blob as named"), online.out());

    CliRun offline = verify(f, "--offline");
    assertEquals(0, offline.exit(), offline.err());
    assertTrue(offline.out().contains("ledger: not checked (--offline)"), offline.out());

    CliRun json = verify(f, "--json");
    assertEquals(0, json.exit(), json.err());
    JsonNode o = JSON.readTree(json.out());
    assertTrue(o.get("valid").asBoolean());
    assertTrue(o.get("ledgerChecked").asBoolean());
    assertEquals(NetworkFixture.bought.digest(), o.at("/receipt/txDigest").asText());
    assertEquals(NetworkFixture.BUYER.address().toString(), o.get("accessOwner").asText());

    // the key as a file in the /api/v1/marketplace-key form
    Path keyFile = write("key.json", "{\"scheme\":\"ed25519\",\"publicKey\":\"" + keyHex + "\"}");
    CliRun fromFile = CliRun.of(null, "verify-receipt", f.toString(), "--key", keyFile.toString(), "--offline");
    assertEquals(0, fromFile.exit(), fromFile.err());
  }

  @Test
  void oneAlteredByteInAnySignedFieldIsRefusedAsSignatureInvalid() throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(NetworkFixture.receipt.sign(NetworkFixture.MARKET));
    String payload = new String(Base64.getUrlDecoder().decode(doc.get("payload").asText()), StandardCharsets.UTF_8);
    List<String> fields = List.of("v", "listingId", "revision", "buyer", "kind", "priceFrost", "txDigest", "accessId",
        "blobId", "blobObjectId", "certifiedEpoch", "issuedAtMs");
    for (String field : fields) {
      Matcher m = Pattern.compile("\"" + field + "\":\"?([^\",}]+)").matcher(payload);
      assertTrue(m.find(), field + " in " + payload);
      int at = m.end(1) - 1; // the value's last character
      char c = payload.charAt(at);
      char other = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : (c == 'a' ? 'b' : 'a');
      String altered = payload.substring(0, at) + other + payload.substring(at + 1);
      assertNotEquals(payload, altered);
      ObjectNode bad = doc.deepCopy();
      bad.put("payload", B64.encodeToString(altered.getBytes(StandardCharsets.UTF_8)));
      CliRun r = verify(write("bad-" + field + ".json", bad.toString()), "--offline");
      assertEquals(1, r.exit(), field + ": " + r.err());
      assertEquals("RECEIPT_SIGNATURE_INVALID", r.errorCode(), field);
    }
    // the signature itself
    ObjectNode badSig = doc.deepCopy();
    byte[] sig = Base64.getUrlDecoder().decode(doc.get("signature").asText());
    sig[10] ^= 1;
    badSig.put("signature", B64.encodeToString(sig));
    CliRun r = verify(write("bad-sig.json", badSig.toString()));
    assertEquals(1, r.exit());
    assertEquals("RECEIPT_SIGNATURE_INVALID", r.errorCode());
    // --json reports it on stdout
    CliRun j = verify(write("bad-sig2.json", badSig.toString()), "--json");
    assertEquals(1, j.exit());
    assertEquals("RECEIPT_SIGNATURE_INVALID", JSON.readTree(j.out()).get("code").asText());
  }

  @Test
  void aWrongKeyOrAMalformedFileFailsWithItsCode() throws Exception {
    Path genuine = write("r.json", NetworkFixture.receipt.sign(NetworkFixture.MARKET));
    String other = "0x" + Hex.encode(Ed25519KeyPair.generate().publicKey().bytes());
    CliRun wrongKey = CliRun.of(null, "verify-receipt", genuine.toString(), "--key", other, "--offline");
    assertEquals(1, wrongKey.exit());
    assertEquals("RECEIPT_KEY_MISMATCH", wrongKey.errorCode());
    // re-signed by someone else who names their own key: still not the marketplace's
    Ed25519KeyPair mallory = Ed25519KeyPair.generate();
    CliRun forged = verify(write("forged.json", NetworkFixture.receipt.sign(mallory)));
    assertEquals(1, forged.exit());
    assertEquals("RECEIPT_KEY_MISMATCH", forged.errorCode());

    for (String junk : List.of("not json", "{}", "[1]", "{\"payload\":\"!!\",\"signature\":\"x\",\"publicKey\":\"" + keyHex + "\"}")) {
      CliRun r = verify(write("junk.json", junk), "--offline");
      assertEquals(1, r.exit(), junk);
      assertEquals("RECEIPT_MALFORMED", r.errorCode(), junk);
    }
    CliRun badKey = CliRun.of(null, "verify-receipt", genuine.toString(), "--key", "0x1234");
    assertEquals(2, badKey.exit());
    assertEquals("INVALID_KEY", badKey.errorCode());
    CliRun noKey = CliRun.of(null, "verify-receipt", genuine.toString(), "--offline");
    assertEquals(2, noKey.exit(), "nothing cached, no network allowed");
    assertEquals("KEY_REQUIRED", noKey.errorCode());
    CliRun missing = CliRun.of(null, "verify-receipt", tmp.resolve("nope.json").toString(), "--key", keyHex);
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void aWellSignedReceiptTheLedgerContradictsFailsOnline() throws Exception {
    Receipt r = NetworkFixture.receipt;
    Receipt cheaper = new Receipt(r.v(), r.listingId(), r.revision(), r.buyer(), r.kind(), 1, r.txDigest(),
        r.accessId(), r.expiresAtMs(), r.blobs(), r.issuedAtMs());
    assertCode("RECEIPT_TX_MISMATCH", cheaper, "price");
    Receipt otherBuyer = new Receipt(r.v(), r.listingId(), r.revision(), NetworkFixture.STRANGER.address().toString(),
        r.kind(), r.priceFrost(), r.txDigest(), r.accessId(), r.expiresAtMs(), r.blobs(), r.issuedAtMs());
    assertCode("RECEIPT_TX_MISMATCH", otherBuyer, "buyer");
    Receipt rental = new Receipt(r.v(), r.listingId(), r.revision(), r.buyer(), "RENT", r.priceFrost(), r.txDigest(),
        r.accessId(), 1L, r.blobs(), r.issuedAtMs());
    assertCode("RECEIPT_TX_MISMATCH", rental, "rental");
    Receipt unknownTx = new Receipt(r.v(), r.listingId(), r.revision(), r.buyer(), r.kind(), r.priceFrost(),
        "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin", r.accessId(), r.expiresAtMs(), r.blobs(), r.issuedAtMs());
    assertCode("RECEIPT_TX_NOT_FOUND", unknownTx, null);
    Receipt otherBlob = new Receipt(r.v(), r.listingId(), r.revision(), r.buyer(), r.kind(), r.priceFrost(),
        r.txDigest(), r.accessId(), r.expiresAtMs(),
        List.of(new Receipt.BlobRef("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", r.blobs().get(0).blobObjectId(), null)),
        r.issuedAtMs());
    assertCode("RECEIPT_BLOB_MISMATCH", otherBlob, null);
    // offline, the same documents pass: the signature is the marketplace's
    CliRun offline = verify(write("cheap-offline.json", cheaper.sign(NetworkFixture.MARKET)), "--offline");
    assertEquals(0, offline.exit(), offline.err());
  }

  void assertCode(String code, Receipt r, String mentions) throws Exception {
    CliRun run = verify(write(code + ".json", r.sign(NetworkFixture.MARKET)));
    assertEquals(1, run.exit(), run.err());
    assertEquals(code, run.errorCode());
    if (mentions != null) {
      assertTrue(run.err().contains(mentions), run.err());
    }
  }
}
