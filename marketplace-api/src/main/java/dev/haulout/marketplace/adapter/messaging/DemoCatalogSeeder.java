package dev.haulout.marketplace.adapter.messaging;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.storage.ProgressListener;
import dev.haulout.storage.embedded.EmbeddedStorageNetwork;
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
 * On the embedded default, lists a demo catalog on the embedded ledger: each demo seller signs a
 * CreateListing transaction, the ledger emits the listing events, and the catalog fills from Kafka
 * exactly as it does for real sellers. Seller keys and nonces are derived from fixed seeds, so a
 * restart re-submits the same transactions and the ledger rejects them as already used.
 */
@ApplicationScoped
public class DemoCatalogSeeder {
  private static final Logger LOG = Logger.getLogger(DemoCatalogSeeder.class);
  private static final long WAL = 1_000_000_000L;
  private static final long DAY_MS = 86_400_000L;
  private static final long NONCE_BASE = 7_000_000L;
  private static final long FUNDING = 100 * WAL;

  record Demo(String title, String description, List<String> tags, String format, long size, Long buyWal1000, Long rentWal1000) {}

  static final List<Demo> DEMOS = List.of(
      new Demo("Global weather stations, hourly 1990-2025", "Hourly temperature, pressure, wind and precipitation from 11,000 stations worldwide, quality-controlled and gap-flagged.", List.of("weather", "climate", "time-series"), "parquet", 48_000_000_000L, 120_000L, 8_000L),
      new Demo("NYC taxi trips 2024", "Every yellow and green cab trip in New York City in 2024: pickup, drop-off, fare, tip and distance.", List.of("transport", "nyc", "geospatial"), "parquet", 9_800_000_000L, 45_000L, 3_000L),
      new Demo("Protein structure sample (10k chains)", "Ten thousand predicted protein chains with per-residue confidence, for structure-learning experiments.", List.of("biology", "proteins", "ml"), "mmcif", 2_100_000_000L, 80_000L, null),
      new Demo("Sentinel-2 tiles: the Alps, summer 2025", "Cloud-masked 10 m multispectral tiles over the Alps, June to August 2025, with NDVI layers.", List.of("satellite", "imagery", "geospatial"), "geotiff", 310_000_000_000L, 250_000L, 15_000L),
      new Demo("English Wikipedia sentence embeddings", "384-dimensional embeddings of 60 million English Wikipedia sentences with article ids.", List.of("nlp", "embeddings", "ml"), "npy", 92_000_000_000L, 150_000L, 10_000L),
      new Demo("Retail point-of-sale transactions (synthetic)", "A year of synthetic basket-level sales for 400 stores, realistic seasonality, no personal data.", List.of("retail", "synthetic", "time-series"), "csv", 5_500_000_000L, 20_000L, 1_500L),
      new Demo("Air quality sensors, Europe 2020-2025", "PM2.5, PM10, NO2 and ozone readings from 3,200 low-cost and reference sensors.", List.of("climate", "air-quality", "time-series"), "parquet", 7_200_000_000L, 30_000L, 2_000L),
      new Demo("Ocean buoy wave spectra", "Directional wave spectra from 140 moored buoys, half-hourly, with metadata on instrument changes.", List.of("ocean", "climate", "time-series"), "netcdf", 16_000_000_000L, 60_000L, 4_000L),
      new Demo("Open street map extracts: European capitals", "Buildings, roads and points of interest for 45 European capitals, cleaned and deduplicated.", List.of("geospatial", "maps"), "geojson", 12_400_000_000L, 25_000L, null),
      new Demo("Speech commands, 35 words, 20 languages", "Short utterances of 35 command words spoken by 9,000 volunteers in 20 languages, 16 kHz.", List.of("audio", "speech", "ml"), "wav", 41_000_000_000L, 90_000L, 6_000L),
      new Demo("Code review comments corpus", "1.2 million review comments from permissively licensed repositories, with the diff hunks they address.", List.of("code", "nlp", "ml"), "jsonl", 6_600_000_000L, 55_000L, 3_500L),
      new Demo("Electricity load, 15-minute, 30 grids", "Grid-level electricity demand and generation mix at 15-minute resolution since 2015.", List.of("energy", "time-series"), "parquet", 3_900_000_000L, 35_000L, 2_500L),
      new Demo("Crop yields by field, US Midwest", "Field-level corn and soybean yields 2008-2024 joined with soil and weather covariates.", List.of("agriculture", "geospatial"), "parquet", 2_700_000_000L, 40_000L, null),
      new Demo("Chest X-ray images (de-identified)", "De-identified frontal chest radiographs with radiologist-confirmed findings for 14 conditions.", List.of("medical", "imagery", "ml"), "png", 120_000_000_000L, 300_000L, 20_000L),
      new Demo("Stock order book snapshots, 50 tickers", "Level-2 order book snapshots every second for 50 liquid equities over 2024.", List.of("finance", "time-series"), "parquet", 210_000_000_000L, 500_000L, 40_000L),
      new Demo("Bird song recordings, North America", "Field recordings of 700 bird species with species labels and recording locations.", List.of("audio", "biology"), "flac", 33_000_000_000L, 50_000L, null),
      new Demo("Road traffic counts, UK motorways", "Hourly vehicle counts by class on UK motorways and A-roads, 2010-2025.", List.of("transport", "time-series"), "csv", 4_300_000_000L, 15_000L, 1_000L),
      new Demo("Legal contracts clause dataset", "Forty thousand commercial contracts split into labelled clauses (termination, liability, IP...).", List.of("legal", "nlp", "ml"), "jsonl", 1_800_000_000L, 70_000L, 5_000L),
      new Demo("Earthquake catalogue, global, M2.5+", "Every recorded earthquake of magnitude 2.5 or more since 1970, with depth and focal mechanism.", List.of("geology", "geospatial"), "csv", 600_000_000L, 5_000L, null),
      new Demo("Product reviews, multilingual", "Eight million product reviews in 12 languages with star ratings and helpfulness votes.", List.of("retail", "nlp"), "jsonl", 11_000_000_000L, 45_000L, 3_000L),
      new Demo("Wind turbine SCADA, 5 farms", "Ten-minute SCADA data from 180 turbines: power, rotor speed, pitch, nacelle temperature, faults.", List.of("energy", "time-series", "iot"), "parquet", 8_900_000_000L, 65_000L, 4_500L),
      new Demo("Public transit GTFS archive, 2015-2025", "Daily GTFS snapshots of 300 transit agencies, normalized across schema versions.", List.of("transport", "geospatial"), "zip", 27_000_000_000L, 30_000L, 2_000L),
      new Demo("Household energy smart meters", "Half-hourly consumption from 5,500 smart meters with weather and tariff data.", List.of("energy", "iot", "time-series"), "csv", 10_500_000_000L, 25_000L, 1_800L),
      new Demo("Galaxy images, citizen-science labels", "Telescope cut-outs of 300,000 galaxies with morphology votes from volunteers.", List.of("astronomy", "imagery", "ml"), "jpeg", 19_000_000_000L, 35_000L, null));

  private final MarketplaceConfig config;
  private final EmbeddedNetwork network;

  public DemoCatalogSeeder(MarketplaceConfig config, EmbeddedNetwork network) {
    this.config = config;
    this.network = network;
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
    Thread t = new Thread(() -> seed(ledger, network.storage()), "demo-catalog-seeder");
    t.setDaemon(true);
    t.start();
  }

  static void seed(Ledger ledger, EmbeddedStorageNetwork storage) {
    int listed = 0;
    try {
      if (alreadySeeded(ledger)) {
        LOG.info("demo catalog already listed on the embedded ledger");
        return;
      }
      for (int i = 0; i < DEMOS.size(); i++) {
        Ed25519KeyPair seller = demoSeller(i % 5);
        Demo d = DEMOS.get(i);
        String blobId = storeSample(ledger, storage, seller, sample(d));
        TransactionData tx = new TransactionData(seller.address().toString(), NONCE_BASE + i, 0,
            new TxKind.CreateListing(spec(d, blobId)));
        try {
          ledger.submit(Transactions.sign(seller, tx));
          listed++;
        } catch (LedgerException e) {
          if (e.code() != ErrorCode.NONCE_ALREADY_USED && e.code() != ErrorCode.TX_ALREADY_EXECUTED) {
            throw e;
          }
        }
      }
      LOG.infof("demo catalog: %d listings created on the embedded ledger (%d already there)", listed, DEMOS.size() - listed);
    } catch (RuntimeException | IOException e) {
      LOG.warnf("demo catalog not seeded: %s", e.getMessage());
    }
  }

  /** True when every demo seller already owns its demo listings (a restart of the embedded default). */
  static boolean alreadySeeded(Ledger ledger) {
    int owned = 0;
    for (int s = 0; s < 5; s++) {
      owned += ledger.ownedObjects(demoSeller(s).address(), "Listing").size();
    }
    return owned >= DEMOS.size();
  }

  /** Stores the sample as a certified blob on the embedded storage network, paid by the seller. */
  static String storeSample(Ledger ledger, EmbeddedStorageNetwork storage, Ed25519KeyPair seller, byte[] sample)
      throws IOException {
    if (ledger.balance(seller.address()) < FUNDING / 2) {
      ledger.faucet(seller.address(), FUNDING);
    }
    try (var store = storage.blobStore(seller)) {
      return store.store(new ByteArrayInputStream(sample), sample.length, 5, ProgressListener.NONE).blobId();
    }
  }

  /**
   * A small deterministic sample of a demo dataset (CSV), stored as the demo listing's blob (public
   * demo bytes, not encrypted: the publish flow with sealing comes with the seller tools).
   */
  static byte[] sample(Demo d) {
    StringBuilder csv = new StringBuilder("row,dataset,value\n");
    long x = d.title().hashCode();
    for (int r = 0; r < 64; r++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      csv.append(r).append(',').append(d.format()).append(',').append(Long.toUnsignedString(x >>> 40)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ListingSpec spec(Demo d, String blobId) {
    return new ListingSpec(blobId, null, d.title(), d.description(), d.tags(), "CC-BY-4.0", d.size(), d.format(), null, null,
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
