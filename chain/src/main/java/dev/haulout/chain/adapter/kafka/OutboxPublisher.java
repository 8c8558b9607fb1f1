package dev.haulout.chain.adapter.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.chain.adapter.json.LedgerJson;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the ledger's events table (the outbox, written in the same database transaction as
 * the state change) to Kafka in {@code seq} order: key = object id, value = the JSON envelope,
 * header {@code seq}. Rows are marked published only after Kafka acknowledged them
 * ({@code acks=all}, idempotent producer). Delivery is at-least-once: a crash between send and
 * mark re-sends those rows, and consumers dedupe by {@code seq} (or apply an object only when its
 * {@code version} grows). A session advisory lock makes one publisher active per schema.
 *
 * <p>An event that can never be published (over {@link #MAX_RECORD_BYTES}, or refused by Kafka as
 * too large or invalid) does not block the rows behind it: it is parked (column
 * {@code parked_reason}, logged once, counted by {@link #parkedCount()}) and a small
 * {@link #PARKED_SCHEMA} stub with its seq, type, size and reason is published in its place, so
 * consumers see the gap; the event itself stays readable at {@code GET /v1/events}. Any other
 * failure (broker down, timeout) retries the batch.
 */
public final class OutboxPublisher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());
  private static final int BATCH = 500;
  /**
   * The producer's {@code max.request.size}, set explicitly; a payload above it is parked without
   * a send. The ledger itself caps events at {@code ListingLimits.MAX_EVENT_BYTES} (256 KiB).
   */
  public static final int MAX_RECORD_BYTES = 1 << 20;
  /** Schema of the stub published in place of a parked event. */
  public static final String PARKED_SCHEMA = "haulout.eventParked.v1";

  private final PgOptions pg;
  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long publishedUpTo;
  private final AtomicLong parkedCount = new AtomicLong();

  private OutboxPublisher(PgOptions pg, String bootstrap, String topic) {
    this.pg = pg;
    this.topic = topic;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
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

  private record Row(long seq, String key, String type, String payload) {}

  int publishBatch(Connection c) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, object_id, type, payload FROM " + pg.schema()
        + ".events WHERE NOT published ORDER BY seq LIMIT " + BATCH)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    if (rows.isEmpty()) {
      return 0;
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    Map<Long, String> parked = new LinkedHashMap<>();
    for (Row r : rows) {
      int size = r.payload().getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_RECORD_BYTES) {
        parked.put(r.seq(), "event is " + size + " bytes, over the outbox limit of " + MAX_RECORD_BYTES);
        acks.add(null);
      } else {
        acks.add(producer.send(record(r.key(), r.payload(), r.seq())));
      }
    }
    producer.flush();
    List<Long> done = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Future<RecordMetadata> f = acks.get(i);
      long seq = rows.get(i).seq();
      if (f == null) {
        continue;
      }
      try {
        f.get(60, TimeUnit.SECONDS);
        done.add(seq);
      } catch (ExecutionException e) {
        if (!unpublishable(e.getCause())) {
          throw new IllegalStateException("Kafka did not acknowledge the batch", e.getCause());
        }
        parked.put(seq, "Kafka refused the record: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
      } catch (Exception e) {
        throw new IllegalStateException("Kafka did not acknowledge the batch", e);
      }
    }
    // each parked row is replaced on the topic by a small stub with its seq, type and reason
    for (Row r : rows) {
      String reason = parked.get(r.seq());
      if (reason == null) {
        continue;
      }
      ObjectNode stub = LedgerJson.MAPPER.createObjectNode().put("schema", PARKED_SCHEMA).put("seq", r.seq())
          .put("type", "EventParked").put("objectId", r.key());
      stub.putObject("data").put("type", r.type()).put("bytes", r.payload().getBytes(StandardCharsets.UTF_8).length)
          .put("reason", reason);
      try {
        producer.send(record(r.key(), stub.toString(), r.seq())).get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("Kafka did not acknowledge the stub of parked event " + r.seq(), e);
      }
      done.add(r.seq());
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + pg.schema() + ".events SET published = true WHERE seq = ANY(?)")) {
      Array arr = c.createArrayOf("bigint", done.toArray());
      ps.setArray(1, arr);
      ps.executeUpdate();
    }
    if (!parked.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + pg.schema() + ".events SET parked_reason = ? WHERE seq = ?")) {
        for (Map.Entry<Long, String> e : parked.entrySet()) {
          ps.setString(1, e.getValue());
          ps.setLong(2, e.getKey());
          ps.addBatch();
          // once per event: the row is marked, so it is never picked up again
          LOG.warning("outbox parked event seq " + e.getKey() + " (" + e.getValue() + "); an EventParked stub was published in its place");
        }
        ps.executeBatch();
      }
      parkedCount.addAndGet(parked.size());
    }
    publishedUpTo = rows.get(rows.size() - 1).seq();
    return rows.size();
  }

  private ProducerRecord<String, String> record(String key, String value, long seq) {
    ProducerRecord<String, String> rec = new ProducerRecord<>(topic, key, value);
    rec.headers().add("seq", Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    return rec;
  }

  /** Errors that retrying the same record can never fix. */
  private static boolean unpublishable(Throwable t) {
    return t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
        || t instanceof InvalidRecordException || t instanceof SerializationException;
  }

  /** Events parked by this publisher since it started (a metric; each is also logged once). */
  public long parkedCount() {
    return parkedCount.get();
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
