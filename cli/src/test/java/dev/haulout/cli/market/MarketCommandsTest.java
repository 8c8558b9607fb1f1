package dev.haulout.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Argument parsing and local refusals of the marketplace commands: nothing here needs a server. */
class MarketCommandsTest {
  static final String LISTING = "0x" + "ab".repeat(32);

  @TempDir Path tmp;
  Path file;

  @BeforeEach
  void setUp() throws Exception {
    Env.override(Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString(),
        "XDG_DATA_HOME", tmp.resolve("data").toString(), "XDG_STATE_HOME", tmp.resolve("state").toString(),
        // a port nothing listens on: a command that got past its checks would fail UNREACHABLE
        "HAULOUT_API", "http://127.0.0.1:1"));
    file = tmp.resolve("data.csv");
    Files.writeString(file, "a,b\n1,2\n");
  }

  @AfterEach
  void tearDown() {
    Env.override(null);
  }

  static PublishCommand publish(String... args) {
    PublishCommand c = new PublishCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @Test
  void publishMetadataUsesTheContractsKeys() {
    Map<String, String> m = publish("x.csv", "--title", "Ships", "--description", "AIS 2024", "--tags", "ais,ships",
        "--license", "CC-BY-4.0", "--ai-training", "false", "--buy-price", "2.5", "--rent-price", "0.1",
        "--rent-period", "P30D").metadata();
    assertEquals(Map.of("filename", "x.csv", "filetype", "text/csv", "title", "Ships", "description", "AIS 2024",
        "tags", "ais,ships", "license", "CC-BY-4.0", "aiTraining", "false", "buyPrice", "2.5", "rentPrice", "0.1",
        "rentPeriod", "P30D"), m);
    assertEquals("true", publish("x.bin", "--title", "T", "--free").metadata().get("free"));
    assertEquals(LISTING, publish("x.bin", "--listing", LISTING.toUpperCase().replace("0X", "0x")).metadata().get("listingId"));
  }

  @Test
  void publishRefusesInconsistentTermsBeforeUploading() {
    assertEquals("USAGE", code(() -> publish("x", "--buy-price", "1").metadata()));
    assertEquals("USAGE", code(() -> publish("x", "--title", "T").metadata()));
    assertEquals("USAGE", code(() -> publish("x", "--title", "T", "--free", "--buy-price", "1").metadata()));
    assertEquals("USAGE", code(() -> publish("x", "--title", "T", "--rent-price", "1").metadata()));
    assertEquals("INVALID_PRICE", code(() -> publish("x", "--title", "T", "--buy-price", "1.0000000001").metadata()));
    assertEquals("INVALID_PERIOD", code(() -> publish("x", "--title", "T", "--rent-price", "1", "--rent-period", "30s").metadata()));
    assertEquals("INVALID_LISTING_ID", code(() -> publish("x", "--listing", "0x12").metadata()));
  }

  @Test
  void commandLineErrorsAreOneLineWithACode() {
    assertEquals("USAGE", CliRun.of(null, "rent", LISTING).errorCode()); // --periods is required
    assertEquals("USAGE", CliRun.of(null, "rent", LISTING, "--periods", "0").errorCode());
    assertEquals("USAGE", CliRun.of(null, "rent", LISTING, "--periods", "ten").errorCode());
    assertEquals("USAGE", CliRun.of(null, "get", LISTING).errorCode()); // -o is required
    assertEquals("INVALID_RANGE", CliRun.of(null, "get", LISTING, "-o", "x", "--range", "9-1").errorCode());
    assertEquals("INVALID_RANGE", CliRun.of(null, "get", LISTING, "-o", "x", "--range", "a-b").errorCode());
    assertEquals("INVALID_LISTING_ID", CliRun.of(null, "buy", "listing-7").errorCode());
    assertEquals("USAGE", CliRun.of(null, "login", "--username", "bob").errorCode()); // no --password-stdin
    assertEquals("USAGE", CliRun.of("", "login", "--username", "bob", "--password-stdin").errorCode());
    assertEquals("USAGE", CliRun.of("s\n", "login", "--client-credentials", "--client-secret-stdin").errorCode());
    CliRun both = CliRun.of("x\n", "login", "--username", "bob", "--password-stdin", "--client-credentials",
        "--client-secret-stdin", "--client-id", "a");
    assertEquals("USAGE", both.errorCode());
    assertNotEquals(0, both.exit());
  }

  @Test
  void withoutASessionTheCommandsThatNeedOneSaySo() {
    for (String[] args : new String[][] {{"buy", LISTING}, {"rent", LISTING, "--periods", "2"}, {"library"},
        {"get", LISTING, "-o", tmp.resolve("o").toString(), "--gateway"}, {"publish", file.toString(), "--title", "T", "--free"}}) {
      CliRun r = CliRun.of(null, args);
      assertEquals("NOT_LOGGED_IN", r.errorCode(), String.join(" ", args));
      assertEquals(2, r.exit());
    }
    assertFalse(Files.exists(tmp.resolve("o")));
  }

  @Test
  void anUnreachableMarketplaceIsOneLine() {
    CliRun r = CliRun.of(null, "search", "ships");
    assertEquals("UNREACHABLE", r.errorCode());
    assertTrue(r.err().contains("127.0.0.1:1"), r.err());
  }

  @Test
  void logoutForgetsTheSession() throws Exception {
    SessionStore store = SessionStore.fromEnvironment(Env.all());
    store.save(SessionStoreTest.session("t"));
    CliRun r = CliRun.of(null, "logout");
    assertEquals(0, r.exit());
    assertEquals("logged out", r.out().strip());
    assertFalse(Files.exists(store.file()));
    assertEquals("not logged in", CliRun.of(null, "logout").out().strip());
  }

  @Test
  void receiptsAreSavedUnderXdgDataHome() throws Exception {
    var purchase = Market.json().readTree("{\"listingId\":\"" + LISTING + "\",\"txDigest\":\"9xYz/+\","
        + "\"receipt\":\"{\\\"payload\\\":\\\"cA\\\",\\\"signature\\\":\\\"cw\\\",\\\"publicKey\\\":\\\"0x01\\\"}\"}");
    Path f = Purchases.saveReceipt(purchase);
    assertEquals(tmp.resolve("data/haulout/receipts/" + LISTING + "-9xYz__.json"), f);
    assertEquals("cA", Market.json().readTree(f.toFile()).path("payload").asText());
  }

  private static String code(Runnable r) {
    return assertThrows(CliError.class, r::run).code();
  }
}
