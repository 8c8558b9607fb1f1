package dev.haulout.marketplace.adapter.messaging;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.dataset.DatasetWriter;
import dev.haulout.marketplace.application.DatasetSample;
import dev.haulout.marketplace.application.PublishService;
import dev.haulout.marketplace.application.port.NetworkAccess;
import dev.haulout.storage.BlobStore;
import dev.haulout.wire.SuiAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.storage.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.marketplace.config.MarketplaceConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * On the embedded default, publishes a demo catalog on the embedded ledger the way a seller's
 * publication does: each demo dataset is generated (real bytes, the size the listing states),
 * encrypted to its listing's identity, stored as a certified blob with a public sample, and listed;
 * the catalog fills from the ledger's events through Kafka exactly as it does for real sellers, and
 * every demo listing can be bought, rented and downloaded. Seller keys and nonces are derived from
 * fixed seeds, so a restart recognises what is already listed.
 */
@ApplicationScoped
public class DemoCatalogSeeder {
  private static final Logger LOG = Logger.getLogger(DemoCatalogSeeder.class);
  private static final long WAL = 1_000_000_000L;
  private static final long DAY_MS = 86_400_000L;
  private static final long NONCE_BASE = 7_000_000L;
  private static final long FUNDING = 100 * WAL;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A demo dataset; {@code format} names the kind of source it imitates (its rows' entity prefix). */
  record Demo(String title, String description, List<String> tags, String format, Long buyWal1000, Long rentWal1000) {}

  static final List<Demo> DEMOS = List.of(
      new Demo("Global weather stations, hourly 1990-2025", "Hourly temperature, pressure, wind and precipitation from 11,000 stations worldwide, quality-controlled and gap-flagged.", List.of("weather", "climate", "time-series"), "parquet", 120_000L, 8_000L),
      new Demo("NYC taxi trips 2024", "Every yellow and green cab trip in New York City in 2024: pickup, drop-off, fare, tip and distance.", List.of("transport", "nyc", "geospatial"), "parquet", 45_000L, 3_000L),
      new Demo("Protein structure sample (10k chains)", "Ten thousand predicted protein chains with per-residue confidence, for structure-learning experiments.", List.of("biology", "proteins", "ml"), "mmcif", 80_000L, null),
      new Demo("Sentinel-2 tiles: the Alps, summer 2025", "Cloud-masked 10 m multispectral tiles over the Alps, June to August 2025, with NDVI layers.", List.of("satellite", "imagery", "geospatial"), "geotiff", 250_000L, 15_000L),
      new Demo("English Wikipedia sentence embeddings", "384-dimensional embeddings of 60 million English Wikipedia sentences with article ids.", List.of("nlp", "embeddings", "ml"), "npy", 150_000L, 10_000L),
      new Demo("Retail point-of-sale transactions (synthetic)", "A year of synthetic basket-level sales for 400 stores, realistic seasonality, no personal data.", List.of("retail", "synthetic", "time-series"), "csv", 20_000L, 1_500L),
      new Demo("Air quality sensors, Europe 2020-2025", "PM2.5, PM10, NO2 and ozone readings from 3,200 low-cost and reference sensors.", List.of("climate", "air-quality", "time-series"), "parquet", 30_000L, 2_000L),
      new Demo("Ocean buoy wave spectra", "Directional wave spectra from 140 moored buoys, half-hourly, with metadata on instrument changes.", List.of("ocean", "climate", "time-series"), "netcdf", 60_000L, 4_000L),
      new Demo("Open street map extracts: European capitals", "Buildings, roads and points of interest for 45 European capitals, cleaned and deduplicated.", List.of("geospatial", "maps"), "geojson", 25_000L, null),
      new Demo("Speech commands, 35 words, 20 languages", "Short utterances of 35 command words spoken by 9,000 volunteers in 20 languages, 16 kHz.", List.of("audio", "speech", "ml"), "wav", 90_000L, 6_000L),
      new Demo("Code review comments corpus", "1.2 million review comments from permissively licensed repositories, with the diff hunks they address.", List.of("code", "nlp", "ml"), "jsonl", 55_000L, 3_500L),
      new Demo("Electricity load, 15-minute, 30 grids", "Grid-level electricity demand and generation mix at 15-minute resolution since 2015.", List.of("energy", "time-series"), "parquet", 35_000L, 2_500L),
      new Demo("Crop yields by field, US Midwest", "Field-level corn and soybean yields 2008-2024 joined with soil and weather covariates.", List.of("agriculture", "geospatial"), "parquet", 40_000L, null),
      new Demo("Chest X-ray images (de-identified)", "De-identified frontal chest radiographs with radiologist-confirmed findings for 14 conditions.", List.of("medical", "imagery", "ml"), "png", 300_000L, 20_000L),
      new Demo("Stock order book snapshots, 50 tickers", "Level-2 order book snapshots every second for 50 liquid equities over 2024.", List.of("finance", "time-series"), "parquet", 500_000L, 40_000L),
      new Demo("Bird song recordings, North America", "Field recordings of 700 bird species with species labels and recording locations.", List.of("audio", "biology"), "flac", 50_000L, null),
      new Demo("Road traffic counts, UK motorways", "Hourly vehicle counts by class on UK motorways and A-roads, 2010-2025.", List.of("transport", "time-series"), "csv", 15_000L, 1_000L),
      new Demo("Legal contracts clause dataset", "Forty thousand commercial contracts split into labelled clauses (termination, liability, IP...).", List.of("legal", "nlp", "ml"), "jsonl", 70_000L, 5_000L),
      new Demo("Earthquake catalogue, global, M2.5+", "Every recorded earthquake of magnitude 2.5 or more since 1970, with depth and focal mechanism.", List.of("geology", "geospatial"), "csv", 5_000L, null),
      new Demo("Product reviews, multilingual", "Eight million product reviews in 12 languages with star ratings and helpfulness votes.", List.of("retail", "nlp"), "jsonl", 45_000L, 3_000L),
      new Demo("Wind turbine SCADA, 5 farms", "Ten-minute SCADA data from 180 turbines: power, rotor speed, pitch, nacelle temperature, faults.", List.of("energy", "time-series", "iot"), "parquet", 65_000L, 4_500L),
      new Demo("Public transit GTFS archive, 2015-2025", "Daily GTFS snapshots of 300 transit agencies, normalized across schema versions.", List.of("transport", "geospatial"), "zip", 30_000L, 2_000L),
      new Demo("Household energy smart meters", "Half-hourly consumption from 5,500 smart meters with weather and tariff data.", List.of("energy", "iot", "time-series"), "csv", 25_000L, 1_800L),
      new Demo("Galaxy images, citizen-science labels", "Telescope cut-outs of 300,000 galaxies with morphology votes from volunteers.", List.of("astronomy", "imagery", "ml"), "jpeg", 35_000L, null));

  /** Plaintext size of demo dataset {@code i}: real bytes, between 96 KiB and about 1.5 MiB. */
  static long demoSize(int i) {
    return (96L << 10) * (1 + (i * 7) % 16);
  }

  private final MarketplaceConfig config;
  private final EmbeddedNetwork network;
  private final NetworkAccess access;

  public DemoCatalogSeeder(MarketplaceConfig config, EmbeddedNetwork network, NetworkAccess access) {
    this.config = config;
    this.network = network;
    this.access = access;
  }

  void onStart(@Observes @Priority(20) StartupEvent ev) {
    if (!config.catalog().seedDemo()) {
      return;
    }
    Ledger ledger = network.ledger();
    if (ledger == null) {
      LOG.warn("haulout.catalog.seed-demo needs the embedded network (haulout.embedded.enabled); nothing seeded");
      return;
    }
    Thread t = new Thread(() -> seed(ledger, access), "demo-catalog-seeder");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Publishes every demo dataset that is not listed yet, four at a time: a draft listing, the
   * generated dataset encrypted to the listing's identity and stored as a certified blob, a public
   * sample (its first rows), and the UpdateListing that makes it ACTIVE — the same steps as a
   * seller's publication. Deterministic nonces make a restart skip what is already on chain.
   */
  static void seed(Ledger ledger, NetworkAccess access) {
    if (alreadySeeded(ledger)) {
      LOG.info("demo catalog already listed on the embedded ledger");
      return;
    }
    long t0 = System.nanoTime();
    for (int s = 0; s < 5; s++) {
      Ed25519KeyPair seller = demoSeller(s);
      if (ledger.balance(seller.address()) < FUNDING / 2) {
        ledger.faucet(seller.address(), FUNDING);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger listed = new AtomicInteger();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < DEMOS.size(); i++) {
      int n = i;
      all.add(pool.submit(() -> {
        try {
          if (publish(ledger, access, n)) {
            listed.incrementAndGet();
          }
        } catch (RuntimeException | IOException e) {
          LOG.warnf("demo listing %d not published: %s", n, e.getMessage());
        }
      }));
    }
    for (Future<?> f : all) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        LOG.warnf("demo seeding: %s", e.getCause().getMessage());
      }
    }
    pool.shutdown();
    LOG.infof("demo catalog: %d encrypted listings published on the embedded ledger in %.1f s (%d already there)",
        listed.get(), (System.nanoTime() - t0) / 1e9, DEMOS.size() - listed.get());
  }

  /** Publishes demo {@code i} unless its listing is already active; true when this call listed it. */
  static boolean publish(Ledger ledger, NetworkAccess access, int i) throws IOException {
    Ed25519KeyPair seller = demoSeller(i % 5);
    Demo d = DEMOS.get(i);
    byte[] data = content(d, demoSize(i));
    DatasetSample sample = DatasetSample.read(new ByteArrayInputStream(data), "demo.csv", "text/csv");
    SignedTransaction draft = Transactions.sign(seller, new TransactionData(seller.address().toString(),
        NONCE_BASE + 2L * i, 0, new TxKind.CreateListing(spec(d, null, null, sample, data.length))));
    String listingId = Transactions.objectId(Transactions.digest(draft.txBytes()), 0);
    var existing = ledger.object(listingId);
    if (existing.isPresent() && existing.get().object() instanceof Listing l && l.status() != ListingStatus.DRAFT) {
      return false;
    }
    PublishService.submitOnce(ledger, draft);
    String blobId;
    String preview;
    try (BlobStore store = access.blobStore(seller)) {
      preview = store.store(new ByteArrayInputStream(sample.sample()), sample.sample().length, 5, ProgressListener.NONE)
          .blobId();
      blobId = DatasetWriter.write(new ByteArrayInputStream(data), data.length, "text/csv",
          SuiAddress.parse(listingId), access.sealing(), store, 5, ProgressListener.NONE, RANDOM).stored().blobId();
    }
    PublishService.submitOnce(ledger, Transactions.sign(seller, new TransactionData(seller.address().toString(),
        NONCE_BASE + 2L * i + 1, 0, new TxKind.UpdateListing(listingId, spec(d, blobId, preview, sample, data.length)))));
    return true;
  }

  /** True when every demo seller already owns its demo listings, all active (a restart of the embedded default). */
  static boolean alreadySeeded(Ledger ledger) {
    int active = 0;
    for (int s = 0; s < 5; s++) {
      for (var v : ledger.ownedObjects(demoSeller(s).address(), "Listing")) {
        if (v.object() instanceof Listing l && l.status() == ListingStatus.ACTIVE) {
          active++;
        }
      }
    }
    return active >= DEMOS.size();
  }

  /**
   * Demo dataset content: {@code size} bytes of deterministic CSV whose columns fit its title (a
   * row number, a timestamp, a station or entity id, two measurements and a flag). Generated, but
   * real: what a buyer downloads is exactly what the listing's size says.
   */
  static byte[] content(Demo d, long size) {
    StringBuilder csv = new StringBuilder((int) size + 128).append("row,timestamp,entity,value,score,flag\n");
    long x = d.title().hashCode();
    long t = 1_704_067_200L; // 2024-01-01T00:00:00Z
    for (int r = 0; csv.length() < size; r++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      long v = x >>> 40;
      csv.append(r).append(',').append(java.time.Instant.ofEpochSecond(t + 3600L * r)).append(',')
          .append(d.format()).append('-').append(v % 997).append(',').append(v % 100_000 / 100.0).append(',')
          .append(v % 1000).append(',').append(v % 7 == 0).append('\n');
    }
    csv.setLength((int) size - 1);
    csv.append('\n');
    return csv.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static ListingSpec spec(Demo d, String blobId, String previewRef, DatasetSample sample, long size) {
    return new ListingSpec(blobId, blobId == null ? null : "envelope", d.title(),
        d.description() + " Demo listing: generated rows in this shape.", d.tags(),
        "CC-BY-4.0;commercial-use=yes;ai-training=yes;redistribution=no", size, "csv", sample.schemaSummary(),
        previewRef,
        d.buyWal1000() == null ? 0 : d.buyWal1000() * WAL / 1000,
        d.rentWal1000() == null ? 0 : d.rentWal1000() * WAL / 1000,
        d.rentWal1000() == null ? 0 : 30 * DAY_MS,
        null);
  }

  /** Demo seller i's key, from a fixed public seed: demo only, never for real funds. */
  static Ed25519KeyPair demoSeller(int i) {
    try {
      return Ed25519KeyPair.fromSeed(MessageDigest.getInstance("SHA-256")
          .digest(("haulout-demo-seller:" + i).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
