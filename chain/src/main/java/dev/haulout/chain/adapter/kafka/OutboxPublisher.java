package dev.haulout.chain.adapter.kafka;

import dev.haulout.chain.adapter.pg.PgOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the ledger's events table (the outbox, written in the same database transaction as
 * the state change) to Kafka in {@code seq} order: key = object id, value = the JSON envelope,
 * header {@code seq}. Rows are marked published only after Kafka acknowledged them
 * ({@code acks=all}, idempotent producer). A crash between send and mark re-sends those rows, so
 * the effect is exactly-once for consumers that dedupe by {@code seq} (or apply an object only
 * when its {@code version} grows). A session advisory lock makes one publisher active per schema.
 */
public final class OutboxPublisher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());
  private static final int BATCH = 500;

  private final PgOptions pg;
  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long publishedUpTo;

  private OutboxPublisher(PgOptions pg, String bootstrap, String topic) {
    this.pg = pg;
    this.topic = topic;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "haulout-ledger-outbox-" + pg.schema());
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.thread = new Thread(this::run, "ledger-outbox-" + pg.schema());
    this.thread.setDaemon(true);
  }

  public static OutboxPublisher start(PgOptions pg, String bootstrap, String topic) {
    OutboxPublisher o = new OutboxPublisher(pg, bootstrap, topic);
    o.thread.start();
    return o;
  }

  /** Highest seq this publisher has seen acknowledged and marked. */
  public long publishedUpTo() {
    return publishedUpTo;
  }

  private void run() {
    while (running) {
      try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
        if (!tryLock(c)) {
          sleep(1_000);
          continue;
        }
        while (running) {
          if (publishBatch(c) == 0) {
            sleep(100);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "outbox publisher error; retrying", e);
          sleep(1_000);
        }
      }
    }
  }

  private boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      ps.setString(1, "haulout-ledger-outbox:" + pg.schema());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  int publishBatch(Connection c) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, object_id, payload FROM " + pg.schema()
        + ".events WHERE NOT published ORDER BY seq LIMIT " + BATCH)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          ProducerRecord<String, String> rec = new ProducerRecord<>(topic, rs.getString(2), rs.getString(3));
          rec.headers().add("seq", Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
          acks.add(producer.send(rec));
          seqs.add(seq);
        }
      }
    }
    if (seqs.isEmpty()) {
      return 0;
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> f : acks) {
        f.get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge the batch", e);
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + pg.schema() + ".events SET published = true WHERE seq = ANY(?)")) {
      Array arr = c.createArrayOf("bigint", seqs.toArray());
      ps.setArray(1, arr);
      ps.executeUpdate();
    }
    publishedUpTo = seqs.get(seqs.size() - 1);
    return seqs.size();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
