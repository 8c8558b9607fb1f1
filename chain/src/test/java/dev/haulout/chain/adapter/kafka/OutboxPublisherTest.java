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
  void publishesEveryEventInSeqOrderPerObjectAndRedeliveryDedupesBySeq() throws Exception {
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
      int received;
      try (OutboxPublisher pub = OutboxPublisher.start(pg, KAFKA, topic)) {
        received = drain(consumer, bySeq, maxSeq);
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
        received += drainCount(consumer, bySeq, 10);
        assertTrue(pub.publishedUpTo() >= maxSeq);
      }
      assertEquals(maxSeq, bySeq.size(), "every seq exactly once after dedupe");
      assertTrue(received >= maxSeq + 10, "re-sent rows arrived again: " + received);
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

  private static KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  /** Consumes until every seq 1..maxSeq is seen; per key, seqs must arrive increasing. */
  private static int drain(KafkaConsumer<String, String> consumer, Map<Long, JsonNode> bySeq, long maxSeq) {
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
        n++;
      }
    }
    return n;
  }

  private static int drainCount(KafkaConsumer<String, String> consumer, Map<Long, JsonNode> bySeq, int expected) {
    int n = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (n < expected && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        JsonNode env = LedgerJson.tree(r.value());
        bySeq.putIfAbsent(env.get("seq").asLong(), env);
        n++;
      }
    }
    return n;
  }
}
