package dev.haulout.chain.adapter.kafka;

import static dev.haulout.chain.TestLedgers.sign;
import static dev.haulout.chain.TestLedgers.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.Wal;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.chain.adapter.pg.PgLedger;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.tx.TxKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Against the real Kafka named by HAULOUT_KAFKA (default 127.0.0.1:9092). */
class OutboxPublisherTest {
  static final String KAFKA = System.getenv().getOrDefault("HAULOUT_KAFKA", "127.0.0.1:9092");

  @Test
  void publishesEveryEventAtLeastOnceInSeqOrderPerObjectAndReSendsUnmarkedRows() throws Exception {
    PgOptions pg = TestLedgers.freshSchema("ledger_outbox");
    String topic = "haulout.chain.events.test-" + UUID.randomUUID();
    Properties ap = new Properties();
    ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    try (Admin admin = Admin.create(ap)) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    try (PgLedger ledger = PgLedger.open(pg, LedgerConfig.localnet());
         KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      Ed25519KeyPair seller = Ed25519KeyPair.generate();
      ledger.faucet(seller.address(), 100 * Wal.FROST_PER_WAL);
      String listing = ledger.submit(sign(seller, new TxKind.CreateListing(spec(Wal.FROST_PER_WAL, 0, 0, null))))
          .createdObjects().get(0);
      for (int i = 0; i < 5; i++) {
        ledger.submit(sign(seller, new TxKind.UpdateListing(listing, spec((i + 2) * Wal.FROST_PER_WAL, 0, 0, null))));
      }
      for (int i = 0; i < 20; i++) {
        ledger.submit(sign(seller, new TxKind.Transfer(Ed25519KeyPair.generate().address().toString(), 1000)));
      }
      long maxSeq = ledger.events(0, 1000).stream().mapToLong(e -> e.seq()).max().orElseThrow();
      Map<Long, JsonNode> bySeq = new TreeMap<>();
      Map<Long, Integer> copies = new TreeMap<>();
      int received;
      try (OutboxPublisher pub = OutboxPublisher.start(pg, KAFKA, topic)) {
        received = drain(consumer, bySeq, copies, maxSeq);
        // the consumer can see a batch before the publisher has marked it; un-marking before that
        // would be overwritten by the publisher's own UPDATE, so wait for the mark first
        long markDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pub.publishedUpTo() < maxSeq && System.nanoTime() < markDeadline) {
          Thread.sleep(20);
        }
        assertTrue(pub.publishedUpTo() >= maxSeq, "publisher marked every row");
        // simulate a crash after Kafka acknowledged but before rows were marked: they are re-sent
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
             Statement st = c.createStatement()) {
          st.execute("UPDATE " + pg.schema() + ".events SET published = false WHERE seq > " + (maxSeq - 10));
        }
        received += drainCount(consumer, bySeq, copies, 10);
        assertTrue(pub.publishedUpTo() >= maxSeq);
      }
      // at-least-once, measured: every seq arrived; the only duplicates are the 10 un-marked rows
      // (the idempotent producer adds none of its own on a healthy broker)
      assertEquals(maxSeq, bySeq.size(), "every seq arrived");
      assertEquals(maxSeq + 10, received, "copies per seq: " + copies);
      for (Map.Entry<Long, Integer> e : copies.entrySet()) {
        assertEquals(e.getKey() > maxSeq - 10 ? 2 : 1, e.getValue(), "copies of seq " + e.getKey());
      }
      Map<String, Long> lastVersion = new HashMap<>();
      for (JsonNode n : bySeq.values()) {
        assertTrue(n.get("schema").asText().startsWith("haulout."));
        if (n.get("schema").asText().equals("haulout.listing.v1")) {
          long v = n.get("version").asLong();
          assertEquals(lastVersion.getOrDefault(n.get("listingId").asText(), 0L) + 1, v, "listing versions +1");
          lastVersion.put(n.get("listingId").asText(), v);
          assertEquals(seller.address().toString(), n.get("listing").get("seller").asText());
        }
      }
      assertEquals(6L, lastVersion.get(listing));
    } finally {
      TestLedgers.dropSchema(pg);
    }
  }

  /**
   * Issue #18: an event Kafka can never take (2.4 MB, over the producer's limit; and one just
   * under the outbox's pre-check that the producer itself refuses) must not block the rows behind
   * it. Both are parked with a reason and replaced by an EventParked stub; everything else, and
   * events committed afterwards, is published.
   */
  @Test
  void unpublishableEventsAreParkedWithAReasonAndDoNotBlockTheOutbox() throws Exception {
    PgOptions pg = TestLedgers.freshSchema("ledger_park");
    String topic = "haulout.chain.events.park-" + UUID.randomUUID();
    Properties ap = new Properties();
    ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    try (Admin admin = Admin.create(ap)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (PgLedger ledger = PgLedger.open(pg, LedgerConfig.localnet());
         KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      Ed25519KeyPair seller = Ed25519KeyPair.generate();
      ledger.faucet(seller.address(), 100 * Wal.FROST_PER_WAL);
      ledger.submit(sign(seller, new TxKind.CreateListing(spec(Wal.FROST_PER_WAL, 0, 0, null))));
      ledger.submit(sign(seller, new TxKind.CreateListing(spec(Wal.FROST_PER_WAL, 0, 0, null))));
      for (int i = 0; i < 3; i++) {
        ledger.submit(sign(seller, new TxKind.Transfer(Ed25519KeyPair.generate().address().toString(), 1000)));
      }
      long maxSeq = ledger.events(0, 1000).stream().mapToLong(e -> e.seq()).max().orElseThrow();
      List<Long> listed = ledger.events(0, 1000).stream().filter(e -> e.type().equals("ListingCreated"))
          .map(e -> e.seq()).toList();
      long hugeSeq = listed.get(0);
      long edgeSeq = listed.get(1);
      // stand-ins for events stored before the ledger's 256 KiB cap (the ledger now refuses such
      // transactions, so they are written into the outbox table directly)
      String huge = "{\"schema\":\"haulout.listing.v1\",\"pad\":\"" + "x".repeat(2_400_000) + "\"}";
      String edge = "{\"pad\":\"" + "y".repeat(OutboxPublisher.MAX_RECORD_BYTES - 10) + "\"}";
      assertEquals(OutboxPublisher.MAX_RECORD_BYTES, edge.length(), "passes the pre-check, not the producer");
      try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
           java.sql.PreparedStatement ps = c.prepareStatement("UPDATE " + pg.schema() + ".events SET payload = ? WHERE seq = ?")) {
        ps.setString(1, huge);
        ps.setLong(2, hugeSeq);
        ps.executeUpdate();
        ps.setString(1, edge);
        ps.setLong(2, edgeSeq);
        ps.executeUpdate();
      }
      Map<Long, JsonNode> bySeq = new TreeMap<>();
      Map<Long, Integer> copies = new TreeMap<>();
      try (OutboxPublisher pub = OutboxPublisher.start(pg, KAFKA, topic)) {
        drain(consumer, bySeq, copies, maxSeq);
        assertEquals(maxSeq, bySeq.size(), "every seq, parked ones as stubs: " + bySeq.keySet());
        for (long seq : listed) {
          JsonNode stub = bySeq.get(seq);
          assertEquals(OutboxPublisher.PARKED_SCHEMA, stub.get("schema").asText(), stub.toString());
          assertEquals("ListingCreated", stub.get("data").get("type").asText());
          assertTrue(stub.get("data").get("reason").asText().length() > 10, stub.toString());
        }
        assertTrue(bySeq.get(hugeSeq).get("data").get("reason").asText().contains("over the outbox limit"));
        assertTrue(bySeq.get(edgeSeq).get("data").get("reason").asText().contains("RecordTooLarge"), bySeq.get(edgeSeq).toString());
        for (long seq = 1; seq <= maxSeq; seq++) {
          if (!listed.contains(seq)) {
            assertTrue(bySeq.get(seq).get("schema").asText().startsWith("haulout."));
            assertTrue(!bySeq.get(seq).get("schema").asText().equals(OutboxPublisher.PARKED_SCHEMA), "seq " + seq);
          }
        }
        // the outbox is not blocked: a later event is published too
        ledger.submit(sign(seller, new TxKind.Transfer(Ed25519KeyPair.generate().address().toString(), 1000)));
        drain(consumer, bySeq, copies, maxSeq + 1);
        assertEquals("CoinTransferred", bySeq.get(maxSeq + 1).get("type").asText());
        assertEquals(2, pub.parkedCount());
        // rows are marked after Kafka's ack; the consumer can see the last record first, so wait for
        // the mark (closing now would interrupt it and leave the row for re-publication: at-least-once)
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (pub.publishedUpTo() < maxSeq + 1 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertEquals(maxSeq + 1, pub.publishedUpTo(), "the publisher marked every row it sent");
      }
      try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
           Statement st = c.createStatement();
           java.sql.ResultSet rs = st.executeQuery("SELECT seq, published, parked_reason FROM " + pg.schema()
               + ".events ORDER BY seq")) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          assertTrue(rs.getBoolean(2), "seq " + seq + " marked");
          assertEquals(listed.contains(seq), rs.getString(3) != null, "parked_reason of seq " + seq);
        }
      }
    } finally {
      TestLedgers.dropSchema(pg);
    }
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  /** Consumes until every seq 1..maxSeq is seen; per key, seqs must arrive increasing. */
  private static int drain(KafkaConsumer<String, String> consumer, Map<Long, JsonNode> bySeq, Map<Long, Integer> copies,
      long maxSeq) {
    Map<String, Long> lastPerKey = new HashMap<>();
    int n = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (bySeq.size() < maxSeq && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        JsonNode env = LedgerJson.tree(r.value());
        long seq = env.get("seq").asLong();
        assertEquals(env.get("objectId").asText(), r.key());
        assertTrue(seq > lastPerKey.getOrDefault(r.key(), 0L), "per-key order");
        lastPerKey.put(r.key(), seq);
        bySeq.putIfAbsent(seq, env);
        copies.merge(seq, 1, Integer::sum);
        n++;
      }
    }
    return n;
  }

  private static int drainCount(KafkaConsumer<String, String> consumer, Map<Long, JsonNode> bySeq,
      Map<Long, Integer> copies, int expected) {
    int n = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (n < expected && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        JsonNode env = LedgerJson.tree(r.value());
        bySeq.putIfAbsent(env.get("seq").asLong(), env);
        copies.merge(env.get("seq").asLong(), 1, Integer::sum);
        n++;
      }
    }
    return n;
  }
}
