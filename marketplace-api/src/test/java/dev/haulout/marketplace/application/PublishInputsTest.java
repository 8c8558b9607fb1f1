package dev.haulout.marketplace.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.marketplace.domain.LicenseTerms;
import dev.haulout.marketplace.domain.PublishRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a publish request's metadata means, and what a file's head says about it. */
class PublishInputsTest {

  static Map<String, String> meta(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void pricesAreExactFrostAndZeroMeansFree() {
    PublishRequest r = PublishRequest.parse(meta("title", "Tides", "buyPrice", "1.5", "rentPrice", "0.000000001",
        "rentPeriod", "30d", "tags", "Ocean, time-series", "license", "CC-BY-4.0", "aiTraining", "no"));
    assertEquals(1_500_000_000L, r.buyPriceFrost());
    assertEquals(1L, r.rentPricePerPeriodFrost());
    assertEquals(30L * 86_400_000L, r.rentPeriodMs());
    assertEquals(List.of("ocean", "time-series"), r.tags());
    assertFalse(r.free());
    assertEquals("CC-BY-4.0;ai-training=no", r.license().format());
    PublishRequest free = PublishRequest.parse(meta("title", "Open data", "buyPrice", "0"));
    assertTrue(free.free());
    assertEquals(0, free.buyPriceFrost());
    assertTrue(PublishRequest.parse(meta("title", "Open", "free", "true")).free());
  }

  @Test
  void badMetadataIsRefusedNamingTheKey() {
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("buyPrice", "1")), "no title");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PublishRequest.parse(meta("title", "x", "buyPrice", "1.0000000001"))).getMessage().contains("buyPrice"));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("title", "x", "buyPrice", "-1")));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("title", "x", "buyPrice", "ten")));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PublishRequest.parse(meta("title", "x", "rentPrice", "1"))).getMessage().contains("rentPeriod"));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("title", "x", "free", "true", "buyPrice", "2")));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("title", "x")), "no price and not free");
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("title", "x", "free", "maybe")));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("title", "x", "free", "1", "license", "not a licence")));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parse(meta("listingId", "0x12", "free", "1")));
  }

  @Test
  void periodsInShortAndIsoForm() {
    assertEquals(12L * 3_600_000L, PublishRequest.parsePeriod("12h"));
    assertEquals(90L * 60_000L, PublishRequest.parsePeriod("90m"));
    assertEquals(30L * 86_400_000L, PublishRequest.parsePeriod("P30D"));
    assertEquals(3_600_000L, PublishRequest.parsePeriod("pt1h"));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parsePeriod("0d"));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parsePeriod("30 days"));
    assertThrows(IllegalArgumentException.class, () -> PublishRequest.parsePeriod("P10000D"));
  }

  @Test
  void licenceTextRoundTripsAndBareIdsStillRead() {
    LicenseTerms t = LicenseTerms.of("MIT", true, false, null);
    assertEquals(t, LicenseTerms.parse(t.format()));
    LicenseTerms bare = LicenseTerms.parse("CC0-1.0");
    assertEquals("CC0-1.0", bare.spdx());
    assertNull(bare.commercialUse());
  }

  @Test
  void csvHeadGivesASampleOfWholeRowsAndTypedColumns() throws IOException {
    StringBuilder csv = new StringBuilder("station,day,temp_c,count,ok,note\n");
    for (int i = 0; i < 5000; i++) {
      csv.append("S").append(i).append(",2025-01-0").append(1 + i % 9).append(',').append(i % 2 == 0 ? "1" : "1.5")
          .append(',').append(i).append(",true,\"a, quoted\"\n");
    }
    DatasetSample s = DatasetSample.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
        "weather.csv", null);
    assertEquals("csv", s.format());
    String sample = new String(s.sample(), StandardCharsets.UTF_8);
    assertEquals(DatasetSample.MAX_SAMPLE_ROWS, sample.lines().count());
    assertTrue(sample.endsWith("\n"));
    assertEquals("csv: station string, day date, temp_c number, count integer, ok boolean, note string", s.schemaSummary());
  }

  @Test
  void jsonLinesGetKeysAndTypesAndBinaryGetsNothing() throws IOException {
    String jsonl = "{\"id\":1,\"text\":\"hi\",\"score\":0.5}\n{\"id\":2,\"text\":\"ho\",\"score\":1,\"at\":\"2025-01-01T00:00:00Z\"}\n";
    DatasetSample s = DatasetSample.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "x.ndjson", null);
    assertEquals("jsonl: id integer, text string, score number, at datetime", s.schemaSummary());
    DatasetSample bin = DatasetSample.read(new ByteArrayInputStream(new byte[] {0, 1, 2}), "model.parquet", null);
    assertEquals("parquet", bin.format());
    assertNull(bin.sample());
    DatasetSample notText = DatasetSample.read(new ByteArrayInputStream(new byte[] {'a', 0, 'b'}), "x.csv", null);
    assertNull(notText.sample());
  }
}
