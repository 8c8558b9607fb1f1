package dev.haulout.marketplace.adapter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes chain events (JSON) to a topic, keyed by object id so one object's events stay in
 * order on one partition. Idempotent producer, acks=all. Used by tests, the demo seeder and tools;
 * the ledger has its own outbox publisher.
 */
public final class ChainEventProducer implements AutoCloseable {
  private final KafkaProducer<String, String> producer;
  private final ObjectMapper json;
  private final String topic;

  public ChainEventProducer(String bootstrapServers, String topic, ObjectMapper json) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
    this.json = json;
    this.topic = topic;
  }

  /** Sends one listing event and waits for the broker's acknowledgement. */
  public RecordMetadata send(ListingEventV1 event) {
    try {
      return sendRaw(event.listingId(), json.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event cannot be serialized", e);
    }
  }

  /** Sends arbitrary text (tests use it for malformed events); returns where the broker put it. */
  public RecordMetadata sendRaw(String key, String value) {
    try {
      return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge the event: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
